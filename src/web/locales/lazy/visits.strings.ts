import { addEnglish } from '../../lib/i18n.ts';
import visits from '../en/visits.json';

// Loaded with the study-visit pages, not with the home page (locales/english.ts, LAZY_FEATURES).
addEnglish(visits);
