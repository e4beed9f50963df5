import { z } from 'zod';
import { text } from './text.ts';

/** The largest PDF a city may attach to one question of an application. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_CONTENT_TYPE = 'application/pdf';

/** An uploaded file, without its bytes (GET …/attachments/:questionId downloads those). */
export const Attachment = z.object({
  questionId: text(),
  filename: text(),
  sizeBytes: z.number().int(),
  uploadedAt: text(),
});
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentList = z.object({ items: z.array(Attachment) });

/** `?filename=` of an upload: the name the file had on the person's computer. */
export const AttachmentQuery = z.object({
  filename: text().trim().min(1, 'Give the file’s name.').max(200),
});
