import { AttachmentQuery } from '../../../shared/attachment.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { SUPPORT_ATTACHMENT_MAX_BYTES, SUPPORT_ATTACHMENTS_MAX, SupportAttachmentDownloadParams, SupportAttachmentList, SupportAttachmentParams } from '../../../shared/support-attachment.schemas.ts';
import { SupportRequestParams } from '../../../shared/support.schemas.ts';
import { acceptRawUploads, rawBody, sendDownload } from '../../lib/pdf-upload.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { attachToRequest, listAttachments, readRequestAttachment, removeFromRequest } from './support-attachments.service.ts';
import { SUPPORT_PARTIES } from './support.routes.ts';

/** PDFs on support requests: the raw file as the body, as application attachments (pdf-upload.ts); encapsulated for the raw-body parser. */
export async function supportAttachmentRoutes(app: App) {
  acceptRawUploads(app, SUPPORT_ATTACHMENT_MAX_BYTES);

  app.get('/api/support-requests/:id/attachments', {
    config: { access: [...SUPPORT_PARTIES] },
    schema: { tags: ['support'], summary: 'The PDFs the city attached to its request', params: SupportRequestParams, response: { 200: SupportAttachmentList, 404: Problem } },
    handler: async (request) => listAttachments(app.db, { id: request.params.id, user: requireUser(request) }),
  });

  app.put('/api/support-requests/:id/attachments', {
    config: { access: ['city_representative'] },
    schema: {
      tags: ['support'],
      summary: `The city attaches a PDF (at most ${SUPPORT_ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB, ${SUPPORT_ATTACHMENTS_MAX} per request) while the request is not closed. Body: the raw file, Content-Type application/pdf.`,
      params: SupportRequestParams,
      querystring: AttachmentQuery,
      response: { 201: SupportAttachmentList, 404: Problem, 409: Problem, 413: Problem, 415: Problem, 422: Problem },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await attachToRequest(app.db, {
          id: request.params.id,
          filename: request.query.filename,
          contentType: request.headers['content-type'],
          content: rawBody(request.body),
          user: requireUser(request),
          ip: request.ip,
          now: app.now(),
        }),
      ),
  });

  app.delete('/api/support-requests/:id/attachments/:attachmentId', {
    config: { access: ['city_representative'] },
    schema: { tags: ['support'], summary: 'The city removes a file while the request is not closed', params: SupportAttachmentParams, response: { 200: SupportAttachmentList, 404: Problem, 409: Problem } },
    handler: async (request) => removeFromRequest(app.db, { id: request.params.id, attachmentId: request.params.attachmentId, user: requireUser(request), ip: request.ip }),
  });

  app.get('/api/support-attachments/:attachmentId', {
    config: { access: [...SUPPORT_PARTIES] },
    schema: { tags: ['support'], summary: 'Download a PDF of a request (the city, its expert, the programme managers)', params: SupportAttachmentDownloadParams },
    handler: async (request, reply) => {
      const file = await readRequestAttachment(app.db, { attachmentId: request.params.attachmentId, user: requireUser(request) });
      return sendDownload(reply, { filename: file.filename, contentType: file.content_type, content: file.content });
    },
  });
}
