import { addEnglish } from '../../lib/i18n.ts';
import cityPriorities from '../en/city-priorities.json';

// Loaded with the pages that use these strings, not with the home page (locales/english.ts, LAZY_FEATURES).
addEnglish(cityPriorities);
