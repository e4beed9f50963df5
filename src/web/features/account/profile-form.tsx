import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Locale, UpdateMeBody, type CurrentUser } from '../../../shared/account.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useUpdateMe } from './account.api.ts';

// Each language in its own name; the interface falls back to English where a translation is missing.
const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', de: 'Deutsch' };

export function ProfileForm({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  // An edit makes "Saved" (or the last refusal) out of date.
  const form = useApiForm({ initialValues: { name: user.name, locale: user.locale }, schema: UpdateMeBody, mutation: update, onEdit: () => update.reset() });

  return (
    <form {...form.formProps} aria-label={t('account.profile')}>
      <ProblemAlert error={form.requestError} />
      <Stack gap="md" maw={460}>
        <TextInput label={t('fields.email')} value={user.email} readOnly variant="filled" description={t('account.emailFixed')} />
        <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
        <NativeSelect
          label={t('fields.language')}
          description={t('account.languageHint')}
          {...form.getInputProps('locale')}
          data={Locale.options.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))}
        />
        <Group>
          <Button {...form.submitProps}>{t('account.saveProfile')}</Button>
          {update.isSuccess && (
            <Text role="status" size="sm" c="green.9">
              {t('account.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
