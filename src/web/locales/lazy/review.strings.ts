import { addEnglish } from '../../lib/i18n.ts';
import review from '../en/review.json';

// Loaded with the pages that use these strings, not with the home page (locales/english.ts, LAZY_FEATURES).
addEnglish(review);
