import { z } from 'zod';
import { text } from './text.ts';

/** One of my live sessions (GET /api/me/sessions): where and when, never its token. */
export const MySession = z.object({
  id: text().uuid(),
  signedInAt: text(),
  lastUsedAt: text(),
  /** "Firefox on Windows", from the browser's user agent; null when it says nothing we know. */
  device: text().nullable(),
  ip: text().nullable(),
  /** The session of the request that asked. */
  current: z.boolean(),
});
export type MySession = z.infer<typeof MySession>;

export const MySessions = z.object({ items: z.array(MySession) });
export type MySessions = z.infer<typeof MySessions>;

export const SessionIdParams = z.object({ id: text().uuid() });

export const EndedSessions = z.object({ ended: z.number().int() });
export type EndedSessions = z.infer<typeof EndedSessions>;
