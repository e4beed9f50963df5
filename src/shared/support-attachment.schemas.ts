import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES } from './attachment.schemas.ts';
import { Instant, text } from './text.ts';

// PDFs a city attaches to its support request (docs/support.md, "Attachments"):
// uploaded as application attachments are (the raw file, its name in ?filename=).

/** The largest PDF, as for applications. */
export const SUPPORT_ATTACHMENT_MAX_BYTES = ATTACHMENT_MAX_BYTES;
/** The most files one request holds. */
export const SUPPORT_ATTACHMENTS_MAX = 5;

export const SupportAttachment = z.object({
  id: z.uuid(),
  filename: text(),
  sizeBytes: z.number().int(),
  uploadedAt: Instant,
});
export type SupportAttachment = z.infer<typeof SupportAttachment>;

export const SupportAttachmentList = z.object({
  items: z.array(SupportAttachment),
  /** Whether the caller may add and remove files now (the city, while the request is not closed). */
  canChange: z.boolean(),
});
export type SupportAttachmentList = z.infer<typeof SupportAttachmentList>;

export const SupportAttachmentParams = z.object({ id: text().uuid(), attachmentId: text().uuid() });
export const SupportAttachmentDownloadParams = z.object({ attachmentId: text().uuid() });

/*
 *   GET    /api/support-requests/:id/attachments                 → SupportAttachmentList (whoever sees the request)
 *   PUT    /api/support-requests/:id/attachments?filename=       raw PDF → 201 SupportAttachmentList (the city, not closed, at most 5)
 *   DELETE /api/support-requests/:id/attachments/:attachmentId   → SupportAttachmentList (the city, not closed)
 *   GET    /api/support-attachments/:attachmentId                → the PDF (the city, the expert, managers; else 404)
 */
