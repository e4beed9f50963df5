import { addEnglish } from '../../lib/i18n.ts';
import support from '../en/support.json';

// Loaded with the support pages and the account page, not with the home page (locales/english.ts, LAZY_FEATURES).
addEnglish(support);
