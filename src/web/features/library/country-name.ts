import { useTranslation } from 'react-i18next';

/** A country's name in the interface language, from its ISO code. */
export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([i18n.language, 'en'], { type: 'region' });
  } catch {
    names = null;
  }
  return (code: string) => names?.of(code) ?? code;
}
