import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Problem } from '../../../shared/problem.ts';
import {
  ActionOutcome,
  ActionPreview,
  CallKind,
  ExtendCallBody,
  ExtendCallQuery,
  OpenCallBody,
  OpenCallQuery,
  ReopenCallBody,
  ReopenCallQuery,
  VersionedActionBody,
} from '../../../shared/programme.schemas.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { timelineActions } from './timeline.service.ts';
import { text } from '../../../shared/text.ts';

const managers = ['programme_manager'] as const;
const SlugParams = z.object({ slug: text().min(1).max(80) });
const CallParams = SlugParams.extend({ kind: CallKind });
const previewResponse = { 200: ActionPreview };
const actionResponse = { 200: ActionOutcome, 409: Problem };

/**
 * The programme team's timeline actions. Each has a preview (GET: what it
 * would do now, or why not; nothing changes) and the action (POST, with the
 * version the manager saw: the call's for call actions, the programme's
 * otherwise), which answers what it did.
 */
export async function timelineRoutes(app: App) {
  const ask = (request: FastifyRequest, slug: string) => ({ slug, actor: requireUser(request), now: app.now() });

  app.get('/api/programmes/:slug/actions/publish', {
    config: { access: managers },
    schema: { tags: ['timeline'], summary: 'What publishing the draft would do', params: SlugParams, response: previewResponse },
    handler: async (request) => timelineActions.previewPublish(app.db, { ...ask(request, request.params.slug), input: null }),
  });
  app.post('/api/programmes/:slug/actions/publish', {
    config: { access: managers },
    schema: { tags: ['timeline'], summary: 'Publish the draft: it becomes public and its calls open by their dates', params: SlugParams, body: VersionedActionBody, response: actionResponse },
    handler: async (request) => timelineActions.publish(app.db, { ...ask(request, request.params.slug), input: null, version: request.body.version, ip: request.ip }),
  });

  app.get('/api/programmes/:slug/actions/advance', {
    config: { access: managers },
    schema: { tags: ['timeline'], summary: 'What moving to the next step now would do', params: SlugParams, response: previewResponse },
    handler: async (request) => timelineActions.previewAdvance(app.db, { ...ask(request, request.params.slug), input: null }),
  });
  app.post('/api/programmes/:slug/actions/advance', {
    config: { access: managers },
    schema: { tags: ['timeline'], summary: 'Start the next step now, when the one before it is done', params: SlugParams, body: VersionedActionBody, response: actionResponse },
    handler: async (request) => timelineActions.advance(app.db, { ...ask(request, request.params.slug), input: null, version: request.body.version, ip: request.ip }),
  });

  app.get('/api/programmes/:slug/calls/:kind/actions/open', {
    config: { access: managers },
    schema: { tags: ['timeline'], summary: 'What opening the call now would do', params: CallParams, querystring: OpenCallQuery, response: previewResponse },
    handler: async (request) =>
      timelineActions.previewOpen(app.db, request.params.kind, { ...ask(request, request.params.slug), input: request.query.closesAt ? { closesAt: new Date(request.query.closesAt) } : {} }),
  });
  app.post('/api/programmes/:slug/calls/:kind/actions/open', {
    config: { access: managers },
    schema: { tags: ['timeline'], summary: 'Open the call now (with a new deadline when its own has passed)', params: CallParams, body: OpenCallBody, response: actionResponse },
    handler: async (request) =>
      timelineActions.open(app.db, request.params.kind, {
        ...ask(request, request.params.slug),
        input: request.body.closesAt ? { closesAt: new Date(request.body.closesAt) } : {},
        version: request.body.version,
        ip: request.ip,
      }),
  });

  app.get('/api/programmes/:slug/calls/:kind/actions/close', {
    config: { access: managers },
    schema: { tags: ['timeline'], summary: 'What closing the call now would do', params: CallParams, response: previewResponse },
    handler: async (request) => timelineActions.previewClose(app.db, request.params.kind, { ...ask(request, request.params.slug), input: null }),
  });
  app.post('/api/programmes/:slug/calls/:kind/actions/close', {
    config: { access: managers },
    schema: { tags: ['timeline'], summary: 'Close the call now; its selection starts', params: CallParams, body: VersionedActionBody, response: actionResponse },
    handler: async (request) => timelineActions.close(app.db, request.params.kind, { ...ask(request, request.params.slug), input: null, version: request.body.version, ip: request.ip }),
  });

  app.get('/api/programmes/:slug/calls/:kind/actions/extend', {
    config: { access: managers },
    schema: { tags: ['timeline'], summary: 'What moving the deadline to `until` would do', params: CallParams, querystring: ExtendCallQuery, response: previewResponse },
    handler: async (request) =>
      timelineActions.previewExtend(app.db, request.params.kind, app.config.publicUrl, { ...ask(request, request.params.slug), input: { until: new Date(request.query.until) } }),
  });
  app.post('/api/programmes/:slug/calls/:kind/actions/extend', {
    config: { access: managers },
    schema: {
      tags: ['timeline'],
      summary: 'Move the deadline later (also after the call closed); applicants are emailed the new date',
      params: CallParams,
      body: ExtendCallBody,
      response: actionResponse,
    },
    handler: async (request) =>
      timelineActions.extend(app.db, request.params.kind, app.config.publicUrl, {
        ...ask(request, request.params.slug),
        input: { until: new Date(request.body.until) },
        version: request.body.version,
        ip: request.ip,
      }),
  });

  app.get('/api/programmes/:slug/calls/:kind/actions/reopen', {
    config: { access: managers },
    schema: { tags: ['timeline'], summary: 'What reopening the closed call for one city would do', params: CallParams, querystring: ReopenCallQuery, response: previewResponse },
    handler: async (request) =>
      timelineActions.previewReopen(app.db, request.params.kind, app.config.publicUrl, {
        ...ask(request, request.params.slug),
        input: { cityId: request.query.cityId, until: new Date(request.query.until), reason: '' },
      }),
  });
  app.post('/api/programmes/:slug/calls/:kind/actions/reopen', {
    config: { access: managers },
    schema: {
      tags: ['timeline'],
      summary: 'Reopen the closed call for one late city until a given time, with the reason (audit log)',
      params: CallParams,
      body: ReopenCallBody,
      response: actionResponse,
    },
    handler: async (request) =>
      timelineActions.reopen(app.db, request.params.kind, app.config.publicUrl, {
        ...ask(request, request.params.slug),
        input: { cityId: request.body.cityId, until: new Date(request.body.until), reason: request.body.reason },
        version: request.body.version,
        ip: request.ip,
      }),
  });
}
