import { addEnglish } from '../../lib/i18n.ts';
import meetings from '../en/meetings.json';

// Loaded with the pages that use these strings, not with the home page (locales/english.ts, LAZY_FEATURES).
addEnglish(meetings);
