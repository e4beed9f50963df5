import { addEnglish } from '../../lib/i18n.ts';
import twoFactor from '../en/two-factor.json';

// Loaded with the account pages and the second step of signing in, not with the home page (locales/english.ts, LAZY_FEATURES).
addEnglish(twoFactor);
