import { addEnglish } from '../../lib/i18n.ts';
import personalData from '../en/personal-data.json';

// Loaded with the pages that use these strings, not with the home page (locales/english.ts, LAZY_FEATURES).
addEnglish(personalData);
