import { Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReplaceContactsBody, type CityContact } from '../../../shared/city.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useReplaceContacts } from './cities.api.ts';

const MAX_CONTACTS = 20;

interface Row {
  key: number;
  name: string;
  roleTitle: string;
  email: string;
  phone: string;
}

const toRow = (contact: CityContact, key: number): Row => ({
  key,
  name: contact.name,
  roleTitle: contact.roleTitle ?? '',
  email: contact.email ?? '',
  phone: contact.phone ?? '',
});

/** Replaces the city's contact persons as a whole; an empty optional field is stored as "none". */
export function ContactsForm({ slug, contacts, onDone }: { slug: string; contacts: CityContact[]; onDone: () => void }) {
  const { t } = useTranslation();
  const replace = useReplaceContacts(slug);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [rows, setRows] = useState<Row[]>(() => contacts.map(toRow));
  const [nextKey, setNextKey] = useState(contacts.length);

  const edit = (index: number, field: keyof Omit<Row, 'key'>, value: string) => {
    setRows((current) => current.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
    clearError(`items.${index}.${field}`);
  };
  const add = () => {
    setRows((current) => [...current, { key: nextKey, name: '', roleTitle: '', email: '', phone: '' }]);
    setNextKey((k) => k + 1);
  };
  const remove = (index: number) => {
    setRows((current) => current.filter((_, i) => i !== index));
    // Messages are keyed by position, which has just changed.
    setErrors({});
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());
    const body = {
      items: rows.map((row) => ({ name: row.name.trim(), roleTitle: blankToNull(row.roleTitle), email: blankToNull(row.email), phone: blankToNull(row.phone) })),
    };
    const checked = validateWith(ReplaceContactsBody, body, t);
    if (!checked.ok) return setErrors(checked.errors);
    replace.mutate(checked.data, { onSuccess: onDone, onError: (error) => setErrors(fieldErrorsOf(error)) });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('cities.contactsForm.title')}>
      <ProblemAlert error={replace.error} />
      <Stack gap="md">
        {rows.length === 0 && <Text c="dimmed">{t('cities.noContacts')}</Text>}
        {rows.map((row, index) => {
          const n = index + 1;
          const error = (field: string) => errors[`items.${index}.${field}`];
          return (
            <Fieldset key={row.key} legend={t('cities.contactsForm.person', { n })}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('cities.contactFields.name')} required value={row.name} onChange={(e) => edit(index, 'name', e.currentTarget.value)} error={error('name')} />
                <TextInput label={t('cities.contactFields.roleTitle')} value={row.roleTitle} onChange={(e) => edit(index, 'roleTitle', e.currentTarget.value)} error={error('roleTitle')} />
                <TextInput label={t('cities.contactFields.email')} type="email" value={row.email} onChange={(e) => edit(index, 'email', e.currentTarget.value)} error={error('email')} />
                <TextInput label={t('cities.contactFields.phone')} type="tel" value={row.phone} onChange={(e) => edit(index, 'phone', e.currentTarget.value)} error={error('phone')} />
              </SimpleGrid>
              <Group justify="flex-end" mt="sm">
                <Button variant="outline" color="red.9" size="xs" onClick={() => remove(index)}>
                  {t('cities.contactsForm.remove', { n })}
                </Button>
              </Group>
            </Fieldset>
          );
        })}
        <Group>
          <Button variant="default" onClick={add} disabled={rows.length >= MAX_CONTACTS}>
            {t('cities.contactsForm.add')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('cities.contactsForm.limit', { max: MAX_CONTACTS })}
          </Text>
        </Group>
        <Group>
          <Button type="submit" loading={replace.isPending}>
            {t('cities.contactsForm.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('cities.contactsForm.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
