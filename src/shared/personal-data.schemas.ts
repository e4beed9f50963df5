import { z } from 'zod';
import { because } from './issue-reason.ts';
import { text } from './text.ts';

/** What erasing a person did to one table: deleted, anonymised or kept rows, and why. */
export const ErasureItem = z.object({
  table: text(),
  holds: text(),
  outcome: z.enum(['deleted', 'anonymised', 'kept']),
  rows: z.number().int(),
  why: text(),
});
export type ErasureItem = z.infer<typeof ErasureItem>;

/** The report an erasure answers with: shown to the person or the manager who erased. */
export const ErasureReport = z.object({
  personId: z.uuid(),
  erasedAt: text(),
  /** What the erased account reads as from now on. */
  formerName: text(),
  items: z.array(ErasureItem),
});
export type ErasureReport = z.infer<typeof ErasureReport>;

/** The word a person types to confirm an erasure. */
export const ERASE_WORD = 'ERASE';

/** POST /api/me/erasure: my own account, with my password and the word typed. */
export const SelfErasureBody = z.object({
  password: text().min(1).max(200),
  confirmation: text().max(20),
});
export type SelfErasureBody = z.infer<typeof SelfErasureBody>;

/** POST /api/people/:id/erasure: a manager erases an account on request. */
export const ManagerErasureBody = z.object({
  reason: text()
    .trim()
    .min(10, { message: 'Say why the account is erased (the request it answers), in at least 10 characters.', ...because('ERASURE_REASON_REQUIRED') })
    .max(1000),
  confirmation: text().max(20),
});
export type ManagerErasureBody = z.infer<typeof ManagerErasureBody>;

export const DataExportStatus = z.enum(['pending', 'running', 'ready', 'failed', 'expired']);

/** A download of my data: made in the background, kept 24 hours. */
export const DataExport = z.object({
  id: z.uuid(),
  status: DataExportStatus,
  /** 0–100. */
  progress: z.number().int(),
  requestedAt: text(),
  readyAt: text().nullable(),
  expiresAt: text().nullable(),
  sizeBytes: z.number().int().nullable(),
});
export type DataExport = z.infer<typeof DataExport>;

export const DataExportParams = z.object({ id: z.uuid() });
