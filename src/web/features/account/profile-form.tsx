import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Locale, UpdateMeBody, type CurrentUser } from '../../../shared/account.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useUpdateMe } from './account.api.ts';

// Each language in its own name; the interface falls back to English where a translation is missing.
const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', de: 'Deutsch' };

export function ProfileForm({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<Locale>(user.locale);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateWith(UpdateMeBody, { name, locale }, t);
    if (!checked.ok) return setErrors(checked.errors);
    update.mutate(checked.data, { onError: (error) => setErrors(fieldErrorsOf(error)) });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('account.profile')}>
      <ProblemAlert error={update.error} />
      <Stack gap="md" maw={460}>
        <TextInput label={t('fields.email')} value={user.email} readOnly variant="filled" description={t('account.emailFixed')} />
        <TextInput
          label={t('fields.name')}
          autoComplete="name"
          required
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            clearError('name');
            update.reset();
          }}
          error={errors.name}
        />
        <NativeSelect
          label={t('fields.language')}
          description={t('account.languageHint')}
          value={locale}
          onChange={(event) => {
            const parsed = Locale.safeParse(event.currentTarget.value);
            if (parsed.success) setLocale(parsed.data);
            update.reset();
          }}
          data={Locale.options.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))}
          error={errors.locale}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('account.saveProfile')}
          </Button>
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
