import { z } from 'zod';
import { AddMaterialLinkBody, MATERIAL_MAX_BYTES, MaterialFileQuery, MeetingMaterial, MeetingMaterials } from '../../../shared/group.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { megabytes } from '../../../shared/file-size.ts';
import { acceptRawUploads, rawBody, sendDownload } from '../../lib/pdf-upload.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { withFormerPath } from './former-paths.ts';
import { addMaterialFile, addMaterialLink, downloadMaterial, listMaterials, removeMaterial } from './meeting-materials.service.ts';

const IdParams = z.object({ id: z.uuid() });
const groupPeople = ['programme_manager', 'facilitator'] as const;

/** Links and ordinary JSON routes for meeting materials. */
export async function meetingMaterialRoutes(app: App) {
  app.get('/api/groups/:id/materials', {
    config: { access: 'signed-in' },
    schema: { tags: ['groups'], summary: 'Materials of every meeting of a group (for the group only)', params: IdParams, response: { 200: MeetingMaterials, 403: Problem, 404: Problem } },
    handler: async (request) => ({ items: await listMaterials(app.db, request.params.id, requireUser(request)) }),
  });

  for (const { url, marks } of withFormerPath('/api/meetings/:id/materials', '/api/sessions/:id/materials')) {
    app.post(url, {
      config: { access: groupPeople },
      schema: { ...marks, tags: ['groups'], summary: 'Add a link to a meeting’s materials', params: IdParams, body: AddMaterialLinkBody, response: { 201: MeetingMaterial, 403: Problem, 404: Problem } },
      handler: async (request, reply) =>
        reply.status(201).send(await addMaterialLink(app.db, { meetingId: request.params.id, ...request.body, user: requireUser(request), ip: request.ip })),
    });
  }

  for (const { url, marks } of withFormerPath('/api/meeting-materials/:id', '/api/session-materials/:id')) {
    app.delete(url, {
      config: { access: groupPeople },
      schema: { ...marks, tags: ['groups'], summary: 'Remove a meeting material', params: IdParams, response: { 204: z.null(), 403: Problem, 404: Problem } },
      handler: async (request, reply) => {
        await removeMaterial(app.db, { id: request.params.id, user: requireUser(request), ip: request.ip });
        return reply.status(204).send(null);
      },
    });
  }
}

/** PDF upload and download, in their own plugin for the raw-body parser. */
export async function meetingMaterialFileRoutes(app: App) {
  acceptRawUploads(app, MATERIAL_MAX_BYTES);

  for (const { url, marks } of withFormerPath('/api/meetings/:id/materials/file', '/api/sessions/:id/materials/file')) {
    app.put(url, {
      config: { access: groupPeople },
      schema: {
        ...marks,
        tags: ['groups'],
        summary: `Add a PDF (at most ${megabytes(MATERIAL_MAX_BYTES)}) to a meeting’s materials. Body: the raw file, Content-Type application/pdf.`,
        params: IdParams,
        querystring: MaterialFileQuery,
        response: { 201: MeetingMaterial, 403: Problem, 404: Problem, 413: Problem, 415: Problem, 422: Problem },
      },
      handler: async (request, reply) =>
        reply.status(201).send(
          await addMaterialFile(app.db, {
            meetingId: request.params.id,
            title: request.query.title,
            filename: request.query.filename,
            contentType: request.headers['content-type'],
            content: rawBody(request.body),
            user: requireUser(request),
            ip: request.ip,
          }),
        ),
    });
  }

  for (const { url, marks } of withFormerPath('/api/meeting-materials/:id', '/api/session-materials/:id')) {
    app.get(url, {
      config: { access: 'signed-in' },
      schema: { ...marks, tags: ['groups'], summary: 'Download a meeting’s PDF material (for the group only)', params: IdParams },
      handler: async (request, reply) => sendDownload(reply, await downloadMaterial(app.db, request.params.id, requireUser(request))),
    });
  }
}
