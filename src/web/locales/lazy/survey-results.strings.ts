import { addEnglish } from '../../lib/i18n.ts';
import surveyResults from '../en/survey-results.json';

// Loaded with the survey results page, not with the home page (locales/english.ts, LAZY_FEATURES).
addEnglish(surveyResults);
