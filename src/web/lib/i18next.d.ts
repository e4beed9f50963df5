import 'i18next';
import type en from '../locales/en.json';

// Type-checks every t('key') against the English resources, so a typo or a
// missing string fails `npm run typecheck` instead of showing a raw key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
