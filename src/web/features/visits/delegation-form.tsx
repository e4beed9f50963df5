import { Alert, Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { randomId } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { DelegationBody, type Visit } from '../../../shared/visit.schemas.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { VisitProblem } from './visit-problem.tsx';
import { useSaveDelegation } from './visits.api.ts';
import '../../locales/lazy/visits.strings.ts';

const blank = () => ({ key: randomId(), name: '', roleTitle: '', email: '', dietary: '', accessNeeds: '' });

/** A visiting city names its delegates (up to the programme's number) and how they travel. */
export function DelegationForm({ visit, city, max, onSaved, onCancel }: { visit: Visit; city: { id: string; name: string }; max: number; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const current = (visit.delegates ?? []).filter((d) => d.cityId === city.id);
  const form = useApiForm({
    initialValues: {
      mode: visit.travel.find((x) => x.cityId === city.id)?.mode ?? 'rail',
      delegates: current.length ? current.map((d) => ({ key: randomId(), name: d.name, roleTitle: d.roleTitle, email: d.email ?? '', dietary: d.dietary, accessNeeds: d.accessNeeds })) : [blank()],
    },
    schema: DelegationBody,
    toBody: (v) => ({ mode: v.mode, delegates: v.delegates.map(({ key: _key, ...d }) => ({ ...d, email: d.email.trim() === '' ? null : d.email.trim() })) }),
    validate: (v) => (v.delegates.length > max ? { delegates: t('visits.delegations.tooMany', { count: max }) } : {}),
    mutation: useSaveDelegation(visit.id, city.id),
    onSuccess: onSaved,
  });
  const rows = form.values.delegates;
  const field = (index: number, name: string) => form.getInputProps(`delegates.${index}.${name}`);

  return (
    <form {...form.formProps} aria-label={t('visits.delegations.formLabel', { city: city.name })}>
      <VisitProblem error={form.requestError} />
      <Stack gap="sm">
        <Text size="sm">{t('visits.delegations.privacy')}</Text>
        <NativeSelect
          label={t('visits.delegations.mode')}
          required
          {...form.getInputProps('mode')}
          data={[
            { value: 'rail', label: t('visits.modes.rail') },
            { value: 'air', label: t('visits.modes.air') },
          ]}
          maw={320}
        />
        {rows.map((r, i) => (
          <Fieldset key={r.key} legend={t('visits.delegations.delegateN', { n: i + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('visits.delegations.name')} required {...field(i, 'name')} />
              <TextInput label={t('visits.delegations.roleTitle')} {...field(i, 'roleTitle')} />
              <TextInput type="email" label={t('visits.delegations.email')} {...field(i, 'email')} />
              <TextInput label={t('visits.delegations.dietary')} {...field(i, 'dietary')} />
              <TextInput label={t('visits.delegations.accessNeeds')} {...field(i, 'accessNeeds')} />
            </SimpleGrid>
            <Button mt="sm" size="xs" variant="default" onClick={() => form.removeListItem('delegates', i)} aria-label={t('visits.delegations.removeN', { n: i + 1 })}>
              {t('visits.delegations.remove')}
            </Button>
          </Fieldset>
        ))}
        {form.errors.delegates && (
          <Alert color="red" variant="light" role="alert">
            {form.errors.delegates}
          </Alert>
        )}
        <Group>
          <Button variant="default" onClick={() => form.insertListItem('delegates', blank())} disabled={rows.length >= max}>
            {t('visits.delegations.addDelegate')}
          </Button>
          <Text size="sm">{t('visits.delegations.upTo', { count: max })}</Text>
        </Group>
        <Group>
          <Button {...form.submitProps}>{t('visits.delegations.save')}</Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
