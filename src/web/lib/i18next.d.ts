import 'i18next';
import type { English } from '../locales/english.ts';

// Type-checks every t('key') against the English resources, so a typo or a
// missing string fails `npm run typecheck` instead of showing a raw key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: English };
    returnNull: false;
  }
}
