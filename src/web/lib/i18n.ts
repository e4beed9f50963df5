import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { english } from '../locales/english.ts';
import fr from '../locales/fr.json';

/**
 * Languages the interface ships. English is complete and the fallback for
 * every missing key, so a partial translation never shows a raw key.
 */
export const UI_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number]['code'];

const STORAGE_KEY = 'peercities.language';

const isUiLanguage = (value: string | null | undefined): value is UiLanguage =>
  UI_LANGUAGES.some((language) => language.code === value);

function initialLanguage(): UiLanguage {
  const stored = readStoredLanguage();
  if (isUiLanguage(stored)) return stored;
  const fromBrowser = navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase()).find(isUiLanguage);
  return fromBrowser ?? 'en';
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (privacy settings); the browser language still applies.
    return null;
  }
}

/** Switch the interface language, remember the choice and label the document for assistive tech. */
export async function switchLanguage(code: string): Promise<void> {
  const language = isUiLanguage(code) ? code : 'en';
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across visits; the switch itself still works.
  }
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources: { en: { translation: english }, fr: { translation: fr } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: UI_LANGUAGES.map((language) => language.code),
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };

/** Adds the English strings of a feature whose strings load with its pages (locales/english.ts, LAZY_FEATURES). */
export function addEnglish(strings: object): void {
  i18next.addResourceBundle('en', 'translation', strings, true, false);
}
