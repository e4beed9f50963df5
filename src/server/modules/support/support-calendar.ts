import { DEFAULT_SUPPORT_TIME_ZONE } from '../../../domain/support/working-days.ts';

/** The programme's calendar for support service levels: Brussels time, Belgian public holidays off (docs/support.md). */
export const SUPPORT_CALENDAR = { timeZone: DEFAULT_SUPPORT_TIME_ZONE, country: 'BE' } as const;
