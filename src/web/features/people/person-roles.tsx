import { Badge, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitySummary } from '../../../shared/city.schemas.ts';
import { GrantRoleBody, type Person } from '../../../shared/people.schemas.ts';
import { ROLES, type Role, type RoleGrant } from '../../../shared/roles.ts';
import { CityPicker } from '../../components/city-picker.tsx';
import { ColumnHeads } from '../../components/column-heads.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useRoleText } from '../../lib/role-text.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { DoneNotice } from './done-notice.tsx';
import { useGrantRole, useWithdrawRole } from './people.api.ts';

/** A person's roles, each of which can be withdrawn (the server says why not), and a form to give one more. */
export function PersonRoles({ person }: { person: Person }) {
  const { t } = useTranslation();
  const roleText = useRoleText();
  const withdraw = useWithdrawRole(person.id);
  const [toWithdraw, setToWithdraw] = useState<RoleGrant | null>(null);
  const close = () => setToWithdraw(null);

  return (
    <Stack gap="md">
      <ProblemAlert error={withdraw.error} />
      {person.roles.length === 0 ? (
        <Text c="dimmed">{t('people.person.noRoles', { name: person.name })}</Text>
      ) : (
          <Table verticalSpacing="xs">
            <Table.Caption>{t('people.person.rolesCaption', { name: person.name })}</Table.Caption>
            <ColumnHeads labels={[t('people.columns.role'), t('people.columns.actions')]} />
            <Table.Tbody>
              {person.roles.map((grant) => {
                const role = roleText.one(grant.role, grant.cityName);
                return (
                  <Table.Tr key={`${grant.role}:${grant.cityId ?? ''}`}>
                    <Table.Td>
                      {role}
                      {grant.primaryContact && (
                        <Badge ml="sm" variant="outline" color="blue.9">
                          {t('people.person.primaryContact')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="outline" color="red.9" onClick={() => setToWithdraw(grant)} aria-label={t('people.person.removeRoleFor', { role })}>
                        {t('people.person.removeRole')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
      )}
      <ConfirmDialog
        opened={toWithdraw !== null}
        title={t('people.person.removeRoleTitle')}
        message={toWithdraw ? t('people.person.removeRoleMessage', { name: person.name, role: roleText.one(toWithdraw.role, toWithdraw.cityName) }) : ''}
        confirmLabel={t('people.person.removeRoleConfirm')}
        busy={withdraw.isPending}
        onCancel={close}
        onConfirm={() => {
          if (toWithdraw) withdraw.mutate({ role: toWithdraw.role, cityId: toWithdraw.cityId }, { onSettled: close });
        }}
      />
      {person.erasedAt === null && (
        <Paper withBorder p="lg" radius="md">
          <GrantRoleForm person={person} />
        </Paper>
      )}
    </Stack>
  );
}

interface Values {
  role: Role;
  city: CitySummary | null;
  primaryContact: boolean;
}
const initialValues: Values = { role: 'evaluator', city: null, primaryContact: false };

function GrantRoleForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const roleText = useRoleText();
  const [given, setGiven] = useState<string | null>(null);
  const form = useApiForm({
    initialValues,
    schema: GrantRoleBody,
    toBody: ({ role, city, primaryContact }) => {
      const forCity = role === 'city_representative';
      return { role, cityId: forCity ? (city?.id ?? null) : null, primaryContact: forCity && primaryContact };
    },
    validate: ({ role, city }) => (role === 'city_representative' && city === null ? { city: t('people.cityRequired') } : {}),
    fieldOf: (path) => (path === 'cityId' ? 'city' : path),
    mutation: useGrantRole(person.id),
    onSuccess: (_person, body) => {
      setGiven(roleText.one(body.role, form.values.city?.name ?? null));
      form.setValues({ city: null, primaryContact: false });
    },
    onEdit: () => setGiven(null),
  });
  const forCity = form.values.role === 'city_representative';

  return (
    <form {...form.formProps} aria-label={t('people.person.addRoleTitle')}>
      <Text fw={600} mb="xs">
        {t('people.person.addRoleTitle')}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('people.person.addRoleHint')}
      </Text>
      <DoneNotice>{given && t('people.person.roleAdded', { role: given })}</DoneNotice>
      <ProblemAlert error={form.requestError} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('fields.role')} required {...form.getInputProps('role')} data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))} />
          {forCity && <CityPicker required value={form.values.city} onChange={(city) => form.setFieldValue('city', city)} error={form.errors.city} />}
        </SimpleGrid>
        {forCity && <Checkbox label={t('people.person.makePrimaryContact')} {...form.getInputProps('primaryContact', { type: 'checkbox' })} />}
        <Group>
          <Button {...form.submitProps}>{t('people.person.addRole')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
