import { addEnglish } from '../../lib/i18n.ts';
import notificationsPages from '../en/notifications-pages.json';

// Loaded with the notification list and settings pages, not with the home page (locales/english.ts, LAZY_FEATURES).
addEnglish(notificationsPages);
