import { Alert, Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DelegationBody, type Visit } from '../../../shared/visit.schemas.ts';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { VisitProblem } from './visit-problem.tsx';
import { useSaveDelegation } from './visits.api.ts';

interface Row {
  key: number;
  name: string;
  roleTitle: string;
  email: string;
  dietary: string;
  accessNeeds: string;
}

let nextKey = 1;
const blank = (): Row => ({ key: nextKey++, name: '', roleTitle: '', email: '', dietary: '', accessNeeds: '' });

/** A visiting city names its delegates (up to the programme's number) and how they travel. */
export function DelegationForm({ visit, city, max, onSaved, onCancel }: { visit: Visit; city: { id: string; name: string }; max: number; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const save = useSaveDelegation(visit.id);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const current = (visit.delegates ?? []).filter((d) => d.cityId === city.id);
  const [mode, setMode] = useState<'rail' | 'air'>(visit.travel.find((x) => x.cityId === city.id)?.mode ?? 'rail');
  const [rows, setRows] = useState<Row[]>(() =>
    current.length ? current.map((d) => ({ key: nextKey++, name: d.name, roleTitle: d.roleTitle, email: d.email ?? '', dietary: d.dietary, accessNeeds: d.accessNeeds })) : [blank()],
  );

  const change = (key: number, index: number, field: keyof Omit<Row, 'key'>, value: string) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
    clearError(`delegates.${index}.${field}`);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const values = { mode, delegates: rows.map((r) => ({ name: r.name, roleTitle: r.roleTitle, email: r.email.trim() === '' ? null : r.email.trim(), dietary: r.dietary, accessNeeds: r.accessNeeds })) };
    const checked = validateWith(DelegationBody, values, t);
    if (!checked.ok) return setErrors(checked.errors);
    if (checked.data.delegates.length > max) return setErrors({ delegates: t('visits.delegations.tooMany', { count: max }) });
    save.mutate({ cityId: city.id, ...checked.data }, { onSuccess: onSaved, onError: (error) => setErrors(fieldErrorsOf(error)) });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('visits.delegations.formLabel', { city: city.name })}>
      <VisitProblem error={save.error} />
      <Stack gap="sm">
        <Text size="sm">{t('visits.delegations.privacy')}</Text>
        <NativeSelect
          label={t('visits.delegations.mode')}
          required
          value={mode}
          onChange={(e) => setMode(e.currentTarget.value === 'air' ? 'air' : 'rail')}
          data={[
            { value: 'rail', label: t('visits.modes.rail') },
            { value: 'air', label: t('visits.modes.air') },
          ]}
          maw={320}
        />
        {rows.map((r, i) => (
          <Fieldset key={r.key} legend={t('visits.delegations.delegateN', { n: i + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('visits.delegations.name')} required value={r.name} onChange={(e) => change(r.key, i, 'name', e.currentTarget.value)} error={errors[`delegates.${i}.name`]} />
              <TextInput label={t('visits.delegations.roleTitle')} value={r.roleTitle} onChange={(e) => change(r.key, i, 'roleTitle', e.currentTarget.value)} error={errors[`delegates.${i}.roleTitle`]} />
              <TextInput type="email" label={t('visits.delegations.email')} value={r.email} onChange={(e) => change(r.key, i, 'email', e.currentTarget.value)} error={errors[`delegates.${i}.email`]} />
              <TextInput label={t('visits.delegations.dietary')} value={r.dietary} onChange={(e) => change(r.key, i, 'dietary', e.currentTarget.value)} error={errors[`delegates.${i}.dietary`]} />
              <TextInput label={t('visits.delegations.accessNeeds')} value={r.accessNeeds} onChange={(e) => change(r.key, i, 'accessNeeds', e.currentTarget.value)} error={errors[`delegates.${i}.accessNeeds`]} />
            </SimpleGrid>
            <Button mt="sm" size="xs" variant="default" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} aria-label={t('visits.delegations.removeN', { n: i + 1 })}>
              {t('visits.delegations.remove')}
            </Button>
          </Fieldset>
        ))}
        {errors.delegates && (
          <Alert color="red" variant="light" role="alert">
            {errors.delegates}
          </Alert>
        )}
        <Group>
          <Button variant="default" onClick={() => setRows((rs) => [...rs, blank()])} disabled={rows.length >= max}>
            {t('visits.delegations.addDelegate')}
          </Button>
          <Text size="sm">{t('visits.delegations.upTo', { count: max })}</Text>
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('visits.delegations.save')}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
