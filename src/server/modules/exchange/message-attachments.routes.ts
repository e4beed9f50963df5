import { z } from 'zod';
import { AttachmentQuery, Message, MESSAGE_ATTACHMENT_MAX_BYTES } from '../../../shared/exchange.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { acceptRawUploads, rawBody, sendDownload } from '../../lib/pdf-upload.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { INBOX_HOLDERS } from './conversations.routes.ts';
import { attachToMessage, readMessageAttachment } from './message-attachments.service.ts';

const IdParams = z.object({ id: z.uuid() });

/** PDF files on messages: the raw file as the body, as application attachments (pdf-upload.ts); encapsulated for the raw-body parser. */
export async function messageAttachmentRoutes(app: App) {
  acceptRawUploads(app, MESSAGE_ATTACHMENT_MAX_BYTES);

  app.put('/api/messages/:id/attachments', {
    config: { access: [...INBOX_HOLDERS] },
    schema: {
      tags: ['exchange'],
      summary: `Add a PDF (at most ${MESSAGE_ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB) to my message, within 30 minutes of sending it; the same name replaces. Body: the raw file, Content-Type application/pdf.`,
      params: IdParams,
      querystring: AttachmentQuery,
      response: { 200: Message, 409: Problem, 413: Problem, 415: Problem, 422: Problem },
    },
    handler: async (request) =>
      attachToMessage(app.db, { messageId: request.params.id, filename: request.query.filename, contentType: request.headers['content-type'], content: rawBody(request.body), user: requireUser(request), now: app.now() }),
  });

  app.get('/api/message-attachments/:id', {
    config: { access: [...INBOX_HOLDERS] },
    schema: { tags: ['exchange'], summary: 'Download a file of a message (the parties of its conversation)', params: IdParams },
    handler: async (request, reply) => {
      const file = await readMessageAttachment(app.db, { attachmentId: request.params.id, user: requireUser(request) });
      return sendDownload(reply, { filename: file.filename, contentType: file.content_type, content: file.content });
    },
  });
}
