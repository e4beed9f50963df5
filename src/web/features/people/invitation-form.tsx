import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateInvitationBody, OtherRole } from '../../../shared/account.schemas.ts';
import type { CitySummary } from '../../../shared/city.schemas.ts';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { CityPicker } from '../../components/city-picker.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { DoneNotice } from './done-notice.tsx';
import { useCreateInvitation } from './people.api.ts';

interface Values {
  email: string;
  name: string;
  role: Role;
  city: CitySummary | null;
  primaryContact: boolean;
  /** More roles without a city; the first role is never among them once sent. */
  otherRoles: string[];
}
const initialValues: Values = { email: '', name: '', role: 'city_representative', city: null, primaryContact: false, otherRoles: [] };

/** Invite a person by email with a role (and, for a city representative, their city), and more roles if they need them. */
export function InvitationForm() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useApiForm({
    initialValues,
    schema: CreateInvitationBody,
    toBody: ({ city, role, primaryContact, otherRoles, ...rest }) => {
      const forCity = role === 'city_representative';
      return {
        ...rest,
        role,
        cityId: forCity ? (city?.id ?? null) : null,
        primaryContact: forCity && primaryContact,
        otherRoles: OtherRole.options.filter((other) => other !== role && otherRoles.includes(other)),
      };
    },
    // The schema's only cross-field rule, said in words: a city representative needs a city.
    validate: ({ role, city }) => (role === 'city_representative' && city === null ? { city: t('people.cityRequired') } : {}),
    fieldOf: (path) => (path === 'cityId' ? 'city' : path),
    mutation: useCreateInvitation(),
    onSuccess: (invitation) => {
      setSentTo(invitation.email);
      form.setValues({ email: '', name: '', city: null, primaryContact: false, otherRoles: [] });
    },
    onEdit: () => setSentTo(null),
  });
  const forCity = form.values.role === 'city_representative';

  return (
    <form {...form.formProps} aria-label={t('people.inviteTitle')}>
      <DoneNotice>{sentTo && t('people.invitationSent', { email: sentTo })}</DoneNotice>
      <ProblemAlert error={form.requestError} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.email')} type="email" autoComplete="off" required {...form.getInputProps('email')} />
          <TextInput label={t('fields.name')} autoComplete="off" required {...form.getInputProps('name')} />
          <NativeSelect label={t('fields.role')} required {...form.getInputProps('role')} data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))} />
          {forCity && <CityPicker required value={form.values.city} onChange={(city) => form.setFieldValue('city', city)} error={form.errors.city} />}
        </SimpleGrid>
        {forCity && <Checkbox label={t('people.primaryContact')} {...form.getInputProps('primaryContact', { type: 'checkbox' })} />}
        <Checkbox.Group label={t('people.otherRoles')} description={t('people.otherRolesHint')} {...form.getInputProps('otherRoles')}>
          <Group mt="xs" gap="lg">
            {OtherRole.options
              .filter((role) => role !== form.values.role)
              .map((role) => (
                <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
              ))}
          </Group>
        </Checkbox.Group>
        <div>
          <Button {...form.submitProps}>{t('people.sendInvitation')}</Button>
        </div>
      </Stack>
    </form>
  );
}
