import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, AttachmentQuery } from '../../../shared/attachment.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { Application } from '../../../shared/programme.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { acceptRawUploads, rawBody, sendDownload } from '../../lib/pdf-upload.ts';
import { readAttachment, removeAttachment, uploadAttachment } from './attachments.service.ts';
import { text } from '../../../shared/text.ts';

const Params = z.object({ id: z.uuid(), questionId: text().regex(/^[a-z0-9_]{1,40}$/) });
const representatives = ['city_representative'] as const;

/**
 * PDF attachments of applications. The upload is the raw file as the body
 * (Content-Type: application/pdf, name in `?filename=`), not multipart: one
 * file per request needs no multipart parser. This plugin is encapsulated,
 * so its raw-body parser and size limit apply to these routes only.
 */
export async function attachmentRoutes(app: App) {
  acceptRawUploads(app, ATTACHMENT_MAX_BYTES);

  app.put('/api/applications/:id/attachments/:questionId', {
    config: { access: representatives },
    schema: {
      tags: ['applications'],
      summary: `Attach a PDF (at most ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB) to a file question, until the deadline. Body: the raw file, Content-Type application/pdf.`,
      params: Params,
      querystring: AttachmentQuery,
      response: { 200: Application, 409: Problem, 413: Problem, 415: Problem, 422: Problem },
    },
    handler: async (request) =>
      uploadAttachment(app.db, {
        id: request.params.id,
        questionId: request.params.questionId,
        filename: request.query.filename,
        contentType: request.headers['content-type'],
        content: rawBody(request.body),
        user: requireUser(request),
        ip: request.ip,
        now: app.now(),
      }),
  });

  app.get('/api/applications/:id/attachments/:questionId', {
    config: { access: 'signed-in' },
    schema: { tags: ['applications'], summary: 'Download an attached PDF (whoever may read the application)', params: Params },
    handler: async (request, reply) => {
      const file = await readAttachment(app.db, { id: request.params.id, questionId: request.params.questionId, user: requireUser(request) });
      return sendDownload(reply, { filename: file.filename, contentType: file.content_type, content: file.content });
    },
  });

  app.delete('/api/applications/:id/attachments/:questionId', {
    config: { access: representatives },
    schema: { tags: ['applications'], summary: 'Remove an attached file (until the deadline)', params: Params, response: { 200: Application, 409: Problem, 422: Problem } },
    handler: async (request) => removeAttachment(app.db, { id: request.params.id, questionId: request.params.questionId, user: requireUser(request), ip: request.ip, now: app.now() }),
  });
}
