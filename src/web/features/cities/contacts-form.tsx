import { Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { randomId } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ReplaceContactsBody, type CityContact } from '../../../shared/city.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useReplaceContacts } from './cities.api.ts';

const MAX_CONTACTS = 20;

const toRow = (contact: CityContact) => ({ key: randomId(), name: contact.name, roleTitle: contact.roleTitle ?? '', email: contact.email ?? '', phone: contact.phone ?? '' });
const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Replaces the city's contact persons as a whole; an empty optional field is stored as "none". */
export function ContactsForm({ slug, contacts, onDone }: { slug: string; contacts: CityContact[]; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    initialValues: { items: contacts.map(toRow) },
    schema: ReplaceContactsBody,
    toBody: ({ items }) => ({ items: items.map((row) => ({ name: row.name.trim(), roleTitle: blankToNull(row.roleTitle), email: blankToNull(row.email), phone: blankToNull(row.phone) })) }),
    mutation: useReplaceContacts(slug),
    onSuccess: onDone,
  });
  const rows = form.values.items;

  return (
    <form {...form.formProps} aria-label={t('cities.contactsForm.title')}>
      <ProblemAlert error={form.requestError} />
      <Stack gap="md">
        {rows.length === 0 && <Text c="dimmed">{t('cities.noContacts')}</Text>}
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <Fieldset key={row.key} legend={t('cities.contactsForm.person', { n })}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('cities.contactFields.name')} required {...form.getInputProps(`items.${index}.name`)} />
                <TextInput label={t('cities.contactFields.roleTitle')} {...form.getInputProps(`items.${index}.roleTitle`)} />
                <TextInput label={t('cities.contactFields.email')} type="email" {...form.getInputProps(`items.${index}.email`)} />
                <TextInput label={t('cities.contactFields.phone')} type="tel" {...form.getInputProps(`items.${index}.phone`)} />
              </SimpleGrid>
              <Group justify="flex-end" mt="sm">
                <Button variant="outline" color="red.9" size="xs" onClick={() => form.removeListItem('items', index)}>
                  {t('cities.contactsForm.remove', { n })}
                </Button>
              </Group>
            </Fieldset>
          );
        })}
        <Group>
          <Button variant="default" onClick={() => form.insertListItem('items', { key: randomId(), name: '', roleTitle: '', email: '', phone: '' })} disabled={rows.length >= MAX_CONTACTS}>
            {t('cities.contactsForm.add')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('cities.contactsForm.limit', { max: MAX_CONTACTS })}
          </Text>
        </Group>
        <Group>
          <Button {...form.submitProps}>{t('cities.contactsForm.save')}</Button>
          <Button variant="default" onClick={onDone}>
            {t('cities.contactsForm.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
