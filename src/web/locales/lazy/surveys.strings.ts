import { addEnglish } from '../../lib/i18n.ts';
import surveys from '../en/surveys.json';

// Loaded with the survey pages, not with the home page (locales/english.ts, LAZY_FEATURES).
addEnglish(surveys);
