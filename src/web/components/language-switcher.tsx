import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { switchLanguage, UI_LANGUAGES } from '../lib/i18n.ts';

/** Interface language; each language is named in itself so people can find their own. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      size="xs"
      label={t('layout.language')}
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(event) => void switchLanguage(event.currentTarget.value)}
      data={UI_LANGUAGES.map((language) => ({ value: language.code, label: language.name }))}
      styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { fontWeight: 400 } }}
    />
  );
}
