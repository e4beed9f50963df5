import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../shared/roles.ts';
import type { Access } from './plugins/auth.plugin.ts';
import { SESSION_COOKIE } from './modules/session/session-policy.ts';
import { createTestApp, type TestApp, type TestClient } from './test-support/test-app.ts';

// The policy of every route, written out by hand: a new route fails this
// test until someone decides who may call it.
const POLICY: Record<string, Access> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/site': 'public',
  'GET /api/session': 'public',
  'POST /api/session': 'public',
  'DELETE /api/session': 'public',
  'GET /api/me': 'signed-in',
  'PATCH /api/me': 'signed-in',
  'POST /api/me/password': 'signed-in',
  'GET /api/me/sessions': 'signed-in',
  'DELETE /api/me/sessions': 'signed-in',
  'DELETE /api/me/sessions/{id}': 'signed-in',
  // Two-step sign-in (modules/two-factor).
  'POST /api/session/second-step': 'public',
  'GET /api/me/two-factor': 'signed-in',
  'POST /api/me/two-factor/enrolment': 'signed-in',
  'POST /api/me/two-factor/enrolment/confirm': 'signed-in',
  'POST /api/me/two-factor/recovery-codes': 'signed-in',
  'POST /api/me/two-factor/disable': 'signed-in',
  'DELETE /api/me/two-factor/devices/{deviceId}': 'signed-in',
  'POST /api/me/consents': 'signed-in',
  'PUT /api/me/opt-ins': 'signed-in',
  'GET /api/privacy-notice': 'public',
  'GET /api/privacy-notices': ['programme_manager'],
  'POST /api/privacy-notices': ['programme_manager'],
  'GET /api/invitations': ['programme_manager'],
  'POST /api/invitations': ['programme_manager'],
  'DELETE /api/invitations/{id}': ['programme_manager'],
  'POST /api/invitations/{id}/resend': ['programme_manager'],
  'GET /api/invitations/by-token/{token}': 'public',
  'POST /api/invitations/by-token/{token}/accept': 'public',
  'POST /api/password-resets': 'public',
  'POST /api/password-resets/{token}': 'public',
  'GET /api/people': ['programme_manager'],
  'GET /api/people/{id}': ['programme_manager'],
  'POST /api/people/{id}/roles': ['programme_manager'],
  'DELETE /api/people/{id}/roles/{role}': ['programme_manager'],
  'PUT /api/people/{id}/deactivation': ['programme_manager'],
  'DELETE /api/people/{id}/deactivation': ['programme_manager'],
  'POST /api/people/{id}/erasure': ['programme_manager'],
  'POST /api/me/erasure': 'signed-in',
  'POST /api/me/data-exports': 'signed-in',
  'GET /api/me/data-exports/latest': 'signed-in',
  'GET /api/me/data-exports/{id}/download': 'signed-in',
  // A representative of another city is refused by the service, with the reason (people.policy.ts).
  'GET /api/cities/{slug}/representatives': ['programme_manager', 'city_representative'],
  'POST /api/cities/{slug}/representatives/invitations': ['programme_manager', 'city_representative'],
  'DELETE /api/cities/{slug}/representatives/{personId}': ['programme_manager', 'city_representative'],
  'PUT /api/cities/{slug}/primary-contact': ['programme_manager', 'city_representative'],
  'GET /api/mailbox': ['programme_manager'],
  'GET /api/cities': 'public',
  'GET /api/map/cities': 'public',
  'GET /api/places': 'public',
  'GET /api/cities/export.csv': ['programme_manager'],
  'GET /api/cities/export.xlsx': ['programme_manager'],
  'POST /api/cities/import': ['programme_manager'],
  'GET /api/cities/{slug}': 'public',
  'PATCH /api/cities/{slug}': ['programme_manager', 'city_representative'],
  'GET /api/cities/{slug}/public-contacts': 'public',
  'GET /api/cities/{slug}/contacts': ['programme_manager', 'city_representative'],
  'PUT /api/cities/{slug}/contacts': ['programme_manager', 'city_representative'],
  'GET /api/cities/{slug}/priorities': ['programme_manager', 'city_representative'],
  'GET /api/cities/{slug}/history': ['programme_manager', 'city_representative'],
  'GET /api/cities/{slug}/similar': 'public',
  'GET /api/cities/{slug}/solutions': 'public',
  'GET /api/solutions': 'public',
  'POST /api/solutions': ['programme_manager', 'city_representative'],
  'GET /api/solutions/{id}': 'public',
  'PATCH /api/solutions/{id}': ['programme_manager', 'city_representative'],
  'DELETE /api/solutions/{id}': ['programme_manager', 'city_representative'],
  'GET /api/solutions/{id}/related': 'public',
  // The library with the published questions and answers of expert support.
  'GET /api/library': 'public',
  'GET /api/published-answers/{id}': 'public',
  'GET /api/programmes': 'public',
  'POST /api/programmes': ['programme_manager'],
  'GET /api/programmes/{slug}': 'public',
  'PATCH /api/programmes/{slug}': ['programme_manager'],
  'GET /api/programmes/{slug}/calls/{kind}': 'public',
  'PUT /api/programmes/{slug}/calls/{kind}': ['programme_manager'],
  'GET /api/programmes/{slug}/calls/{kind}/eligibility': 'signed-in',
  'PUT /api/programmes/{slug}/learning-completions/{cityId}': ['programme_manager'],
  'DELETE /api/programmes/{slug}/learning-completions/{cityId}': ['programme_manager'],
  'GET /api/programmes/{slug}/actions/publish': ['programme_manager'],
  'POST /api/programmes/{slug}/actions/publish': ['programme_manager'],
  'GET /api/programmes/{slug}/actions/advance': ['programme_manager'],
  'POST /api/programmes/{slug}/actions/advance': ['programme_manager'],
  'GET /api/programmes/{slug}/calls/{kind}/actions/open': ['programme_manager'],
  'POST /api/programmes/{slug}/calls/{kind}/actions/open': ['programme_manager'],
  'GET /api/programmes/{slug}/calls/{kind}/actions/close': ['programme_manager'],
  'POST /api/programmes/{slug}/calls/{kind}/actions/close': ['programme_manager'],
  'GET /api/programmes/{slug}/calls/{kind}/actions/extend': ['programme_manager'],
  'POST /api/programmes/{slug}/calls/{kind}/actions/extend': ['programme_manager'],
  'GET /api/programmes/{slug}/calls/{kind}/actions/reopen': ['programme_manager'],
  'POST /api/programmes/{slug}/calls/{kind}/actions/reopen': ['programme_manager'],
  'GET /api/programmes/{slug}/calls/{kind}/applications': 'signed-in',
  'POST /api/programmes/{slug}/calls/{kind}/applications': ['city_representative'],
  'GET /api/applications/{id}': 'signed-in',
  'PATCH /api/applications/{id}': ['city_representative'],
  'POST /api/applications/{id}/submit': ['city_representative'],
  'GET /api/applications/{id}/withdrawal': ['city_representative'],
  'POST /api/applications/{id}/withdraw': ['city_representative'],
  'PUT /api/applications/{id}/attachments/{questionId}': ['city_representative'],
  'GET /api/applications/{id}/attachments/{questionId}': 'signed-in',
  'DELETE /api/applications/{id}/attachments/{questionId}': ['city_representative'],
  'POST /api/programmes/{slug}/calls/{kind}/assignments': ['programme_manager'],
  'GET /api/programmes/{slug}/calls/{kind}/evaluation': ['programme_manager'],
  'POST /api/applications/{id}/assignments': ['programme_manager'],
  'DELETE /api/applications/{id}/assignments/{evaluatorId}': ['programme_manager'],
  'GET /api/evaluations': ['evaluator'],
  'GET /api/applications/{id}/evaluation': ['evaluator'],
  'PUT /api/applications/{id}/evaluation': ['evaluator'],
  'POST /api/applications/{id}/evaluation/submit': ['evaluator'],
  'POST /api/applications/{id}/evaluation/conflict': ['evaluator'],
  'GET /api/programmes/{slug}/calls/{kind}/selection': ['programme_manager'],
  'PUT /api/applications/{id}/decision': ['programme_manager'],
  'POST /api/programmes/{slug}/calls/{kind}/selection/publish': ['programme_manager'],
  'GET /api/programmes/{slug}/calls/{kind}/applications/export.{format}': ['programme_manager'],
  'GET /api/audit': ['programme_manager'],
  'GET /api/audit/export.{format}': ['programme_manager'],
  'GET /api/programmes/{slug}/groups': 'public',
  'POST /api/programmes/{slug}/groups': ['programme_manager', 'facilitator'],
  'GET /api/groups/{id}': 'public',
  'POST /api/groups/{id}/interest': ['city_representative'],
  'PUT /api/groups/{id}/members/{cityId}': ['programme_manager', 'facilitator'],
  'GET /api/groups/{id}/proposed-cities': ['programme_manager', 'facilitator'],
  'GET /api/groups/{id}/meetings': 'public',
  'POST /api/groups/{id}/meetings': ['programme_manager', 'facilitator'],
  'GET /api/meetings/{id}/calendar.ics': 'signed-in',
  // Meeting requests in a conversation (modules/exchange): any signed-in person may call; only the conversation's parties get past the 404 (meeting-requests.test.ts).
  'GET /api/conversations/{id}/meeting-requests': 'signed-in',
  'POST /api/conversations/{id}/meeting-requests': 'signed-in',
  'POST /api/conversations/{id}/meeting-requests/{mid}/accept': 'signed-in',
  'POST /api/conversations/{id}/meeting-requests/{mid}/decline': 'signed-in',
  'POST /api/conversations/{id}/meeting-requests/{mid}/cancel': 'signed-in',
  'POST /api/conversations/{id}/meeting-requests/{mid}/move': 'signed-in',
  'GET /api/conversations/{id}/meeting-requests/{mid}/invite.ics': 'signed-in',
  'GET /api/meetings/{id}/attendance': ['programme_manager', 'facilitator'],
  'PUT /api/meetings/{id}/attendance': ['programme_manager', 'facilitator'],
  'GET /api/groups/{id}/materials': 'signed-in',
  'POST /api/meetings/{id}/materials': ['programme_manager', 'facilitator'],
  'PUT /api/meetings/{id}/materials/file': ['programme_manager', 'facilitator'],
  'GET /api/meeting-materials/{id}': 'signed-in',
  'DELETE /api/meeting-materials/{id}': ['programme_manager', 'facilitator'],
  // The meetings' former "session" paths (deprecated aliases, modules/groups/former-paths.ts): the same policy.
  'GET /api/groups/{id}/sessions': 'public',
  'POST /api/groups/{id}/sessions': ['programme_manager', 'facilitator'],
  'GET /api/sessions/{id}/calendar.ics': 'signed-in',
  'GET /api/sessions/{id}/attendance': ['programme_manager', 'facilitator'],
  'PUT /api/sessions/{id}/attendance': ['programme_manager', 'facilitator'],
  'POST /api/sessions/{id}/materials': ['programme_manager', 'facilitator'],
  'PUT /api/sessions/{id}/materials/file': ['programme_manager', 'facilitator'],
  'GET /api/session-materials/{id}': 'signed-in',
  'DELETE /api/session-materials/{id}': ['programme_manager', 'facilitator'],
  'GET /api/groups/{id}/progress': 'signed-in',
  'POST /api/me/calendar-feed': 'signed-in',
  'DELETE /api/me/calendar-feed': 'signed-in',
  'GET /api/calendar/{token}.ics': 'public',
  'GET /api/groups/{id}/threads': 'signed-in',
  'POST /api/groups/{id}/threads': 'signed-in',
  'GET /api/threads/{id}': 'signed-in',
  'POST /api/threads/{id}/posts': 'signed-in',
  'PATCH /api/threads/{id}': ['programme_manager', 'facilitator'],
  'POST /api/posts/{id}/hide': ['programme_manager', 'facilitator'],
  'PUT /api/me/digest': 'signed-in',
  'GET /api/programmes/{slug}/visits': 'public',
  'POST /api/programmes/{slug}/visits': ['programme_manager'],
  'POST /api/programmes/{slug}/visits/schedule': ['programme_manager'],
  'POST /api/programmes/{slug}/visits/confirm': ['programme_manager'],
  'GET /api/visits/{id}': 'public',
  'PUT /api/visits/{id}/host-unavailable': 'signed-in',
  'POST /api/visits/{id}/agenda': 'signed-in',
  'PUT /api/visits/{id}/delegations/{cityId}': 'signed-in',
  'GET /api/visits/{id}/calendar.ics': 'signed-in',
  'POST /api/visits/{id}/feedback': ['city_representative'],
  'GET /api/visits/{id}/feedback': ['programme_manager', 'facilitator'],
  'GET /api/visits/{id}/replication-plans': 'public',
  'POST /api/visits/{id}/replication-plans': ['city_representative', 'programme_manager'],
  'PUT /api/replication-plans/{id}/updates': ['city_representative', 'programme_manager'],
  'GET /api/programmes/{slug}/dashboard': ['programme_manager'],
  'GET /api/programmes/{slug}/dashboard.{format}': ['programme_manager'],
  'GET /api/programmes/{slug}/matching': ['programme_manager'],
  'PUT /api/programmes/{slug}/matching/settings': ['programme_manager'],
  'PUT /api/programmes/{slug}/matching/pairs': ['programme_manager'],
  'POST /api/programmes/{slug}/matching/runs': ['programme_manager'],
  'GET /api/matching-runs/{id}': ['programme_manager'],
  'POST /api/matching-runs/{id}/publish': ['programme_manager'],
  'POST /api/matching/solve': 'signed-in',
  'GET /api/programmes/{slug}/outcomes': 'public',
  'GET /api/me/work': 'signed-in',
  'GET /api/registration/settings': 'public',
  'PUT /api/registration/settings': ['programme_manager'],
  'POST /api/registrations': 'public',
  'POST /api/registrations/verify': 'public',
  'GET /api/registration': 'signed-in',
  // A city's primary contact decides the second claims on their city; the service refuses others (404, as "not yours").
  'GET /api/registrations': ['programme_manager', 'city_representative'],
  'POST /api/registrations/{id}/approve': ['programme_manager', 'city_representative'],
  'POST /api/registrations/{id}/merge': ['programme_manager'],
  'POST /api/registrations/{id}/decline': ['programme_manager', 'city_representative'],
  // My notifications (modules/notifications); another person's id answers 404.
  'GET /api/me/notifications': 'signed-in',
  'GET /api/me/notifications/unread-count': 'signed-in',
  'POST /api/me/notifications/{id}/read': 'signed-in',
  'POST /api/me/notifications/read-all': 'signed-in',
  'GET /api/me/notification-preferences': 'signed-in',
  'PUT /api/me/notification-preferences': 'signed-in',
  // Direct exchange (issue 20): whoever has an inbox; a conversation that is not theirs answers 404 (conversation-access.ts).
  'GET /api/conversations': ['city_representative', 'programme_manager', 'expert'],
  'POST /api/conversations': ['city_representative', 'programme_manager', 'expert'],
  'GET /api/conversations/{id}': ['city_representative', 'programme_manager', 'expert'],
  'POST /api/conversations/{id}/messages': ['city_representative', 'programme_manager', 'expert'],
  'PUT /api/conversations/{id}/archive': ['city_representative', 'programme_manager', 'expert'],
  'PUT /api/conversations/{id}/read': ['city_representative', 'programme_manager', 'expert'],
  'PUT /api/messages/{id}/attachments': ['city_representative', 'programme_manager', 'expert'],
  'GET /api/message-attachments/{id}': ['city_representative', 'programme_manager', 'expert'],
  'POST /api/messages/{id}/reports': ['city_representative', 'programme_manager', 'expert'],
  'GET /api/message-reports': ['programme_manager'],
  'POST /api/message-reports/{id}/decision': ['programme_manager'],
  // Expert support (issue 21): the city, the assigned expert and managers; a request that is not theirs answers 404 (support-access.ts).
  'GET /api/support-requests': ['city_representative', 'expert', 'programme_manager'],
  'POST /api/support-requests': ['city_representative'],
  'GET /api/support-requests/{id}': ['city_representative', 'expert', 'programme_manager'],
  'POST /api/support-requests/{id}/answers': ['expert'],
  'POST /api/support-requests/{id}/session-held': ['expert'],
  'POST /api/support-requests/{id}/close': ['city_representative'],
  'POST /api/support-requests/{id}/reopen': ['city_representative'],
  'POST /api/support-requests/{id}/assignment': ['programme_manager'],
  // The managers' support dashboard, its export and "Route again" (support-dashboard.routes.ts).
  'GET /api/support/dashboard': ['programme_manager'],
  'GET /api/support/dashboard/requests.{format}': ['programme_manager'],
  'POST /api/support-requests/{id}/route': ['programme_manager'],
  // Survey results (modules/surveys/results.routes.ts).
  'GET /api/surveys/{id}/results': ['programme_manager'],
  'GET /api/surveys/{id}/segments': ['programme_manager'],
  'GET /api/surveys/{id}/questions/{questionId}/text-answers': ['programme_manager'],
  'GET /api/surveys/{id}/export': ['programme_manager'],
  'GET /api/experts': ['programme_manager'],
  'GET /api/me/expert-profile': ['expert'],
  'PUT /api/me/expert-profile': ['expert'],
  // Answers become knowledge and requests carry PDFs (docs/support.md, "Knowledge", "Attachments"); not the caller's: 404.
  'GET /api/support-requests/{id}/publication': ['city_representative', 'expert', 'programme_manager'],
  'PUT /api/support-requests/{id}/publication/consent': ['city_representative'],
  'POST /api/support-requests/{id}/publication': ['programme_manager'],
  'POST /api/support-requests/{id}/publication/unpublish': ['programme_manager'],
  'GET /api/support-requests/{id}/attachments': ['city_representative', 'expert', 'programme_manager'],
  'PUT /api/support-requests/{id}/attachments': ['city_representative'],
  'DELETE /api/support-requests/{id}/attachments/{attachmentId}': ['city_representative'],
  'GET /api/support-attachments/{attachmentId}': ['city_representative', 'expert', 'programme_manager'],
  // Peer sessions and calls (peer-sessions.routes.ts): the invited cities' representatives too; not theirs answers 404.
  'GET /api/support-requests/{id}/peer-cities': ['city_representative', 'expert', 'programme_manager'],
  'POST /api/support-requests/{id}/peer-cities': ['expert'],
  'GET /api/support-requests/{id}/session': ['city_representative', 'expert', 'programme_manager'],
  'POST /api/support-requests/{id}/session/answer': ['city_representative'],
  'POST /api/support-requests/{id}/session/slots': ['expert'],
  'POST /api/support-requests/{id}/session/pick': ['city_representative'],
  // Surveys (issue 22): managers build and send them; anyone invited answers (a survey not theirs: 404, my-surveys.service.ts).
  'GET /api/survey-templates': ['programme_manager'],
  'GET /api/surveys': ['programme_manager'],
  'POST /api/surveys': ['programme_manager'],
  'GET /api/surveys/{id}': ['programme_manager'],
  'PATCH /api/surveys/{id}': ['programme_manager'],
  'DELETE /api/surveys/{id}': ['programme_manager'],
  'GET /api/surveys/{id}/audience': ['programme_manager'],
  'POST /api/surveys/{id}/send': ['programme_manager'],
  'POST /api/surveys/{id}/remind': ['programme_manager'],
  'POST /api/surveys/{id}/close': ['programme_manager'],
  'GET /api/my-surveys': 'signed-in',
  'GET /api/my-surveys/{id}': 'signed-in',
  'PUT /api/my-surveys/{id}/draft': 'signed-in',
  'POST /api/my-surveys/{id}/answers': 'signed-in',
  'GET /api/support-requests/{id}/session.ics': ['city_representative', 'expert', 'programme_manager'],
  'POST /api/support-requests/{id}/takeaway': ['city_representative'],
  // Another city's blocks answer 404, as "not yours".
  'GET /api/cities/{cityId}/blocks': ['city_representative'],
  'PUT /api/cities/{cityId}/blocks/{blockedCityId}': ['city_representative'],
  'DELETE /api/cities/{cityId}/blocks/{blockedCityId}': ['city_representative'],
};

// The signed-in routes a person whose registration awaits approval may call
// (config.pendingAllowed); every other signed-in or role route refuses them.
const PENDING_ALLOWED = new Set([
  'GET /api/me',
  'PATCH /api/me',
  'POST /api/me/password',
  'GET /api/me/sessions',
  'DELETE /api/me/sessions',
  'DELETE /api/me/sessions/{id}',
  'POST /api/me/erasure',
  'POST /api/me/data-exports',
  'GET /api/me/data-exports/latest',
  'GET /api/me/data-exports/{id}/download',
  'GET /api/registration',
]);
const PENDING_EMAIL = 'pending.registrant@example.org';

const PRINCIPALS: { name: string; email: string | null; role: Role | null; pending?: true }[] = [
  { name: 'anonymous', email: null, role: null },
  { name: 'programme manager', email: 'manager@demo.peercities.eu', role: 'programme_manager' },
  { name: 'facilitator', email: 'facilitator@demo.peercities.eu', role: 'facilitator' },
  { name: 'evaluator', email: 'evaluator@demo.peercities.eu', role: 'evaluator' },
  { name: 'expert', email: 'expert@demo.peercities.eu', role: 'expert' },
  { name: 'city representative', email: 'valencia@demo.peercities.eu', role: 'city_representative' },
  { name: 'registered person awaiting approval', email: PENDING_EMAIL, role: null, pending: true },
];

const fillPath = (path: string) =>
  path
    .replace('{id}', '00000000-0000-4000-8000-000000000000')
    .replace('{cityId}', '00000000-0000-4000-8000-000000000001')
    .replace('{questionId}', 'no_such_question')
    .replace('{token}', 'x'.repeat(43))
    .replace('{slug}', 'no-such-programme')
    .replace('{kind}', 'host')
    .replace('{format}', 'csv')
    .replace('{blockedCityId}', '00000000-0000-4000-8000-000000000002')
    .replace('{deviceId}', '00000000-0000-4000-8000-000000000000')
    .replace('{mid}', '00000000-0000-4000-8000-000000000002');

let t: TestApp;
let routes: { method: string; path: string; key: string; hasBody: boolean }[];

beforeAll(async () => {
  t = await createTestApp();
  // Verified, not approved (modules/registration): signs in, holds no role, is restricted.
  const demo = await t.app.db.selectFrom('people').select('password_hash').where('email', '=', 'expert@demo.peercities.eu').executeTakeFirstOrThrow();
  await t.app.db.insertInto('people').values({ email: PENDING_EMAIL, name: 'Pending Person', password_hash: demo.password_hash, approval_pending: true }).execute();
  const doc = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      key: `${method.toUpperCase()} ${path}`,
      hasBody: op.requestBody !== undefined,
    })),
  );
});
afterAll(async () => t.close());

function allowed(access: Access, role: Role | null, pending: boolean, key: string) {
  if (access === 'public') return true;
  if (pending) return PENDING_ALLOWED.has(key);
  if (role === null) return false;
  return access === 'signed-in' || access.includes(role);
}

async function clientFor(email: string | null): Promise<TestClient> {
  return email ? t.signedIn(email) : t.client();
}

describe('authorisation matrix', () => {
  it('has a written policy for every route in the API, and no stale entries', () => {
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(POLICY).sort());
  });

  for (const principal of PRINCIPALS) {
    it(`answers every route as the policy says for: ${principal.name}`, async () => {
      const outcomes: string[] = [];
      const wrong: string[] = [];
      // One session for every route, and a new one after a route ended it
      // (signing out): a session ended some other way would show as a refusal
      // where access was expected, a failure, never as a false pass.
      let c = await clientFor(principal.email);
      for (const route of routes) {
        const access = POLICY[route.key];
        if (access === undefined) continue;
        const res = await c.request({ method: route.method as 'GET', url: fillPath(route.path), ...(route.hasBody ? { payload: {} } : {}) });
        if (principal.email && !c.cookies.has(SESSION_COOKIE)) c = await clientFor(principal.email);
        const code = String(res.headers['content-type'] ?? '').includes('problem+json') ? (res.json().code as string) : null;
        const denied = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN';
        const expectDenied = !allowed(access, principal.role, principal.pending === true, route.key);
        const expectedCode = principal.role === null && !principal.pending ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        outcomes.push(`${route.key} → ${res.statusCode}`);
        if (expectDenied && code !== expectedCode) wrong.push(`${route.key}: expected ${expectedCode}, got ${res.statusCode} ${code}`);
        if (!expectDenied && denied) wrong.push(`${route.key}: expected access, got ${res.statusCode} ${code}`);
      }
      expect(wrong, outcomes.join('\n')).toEqual([]);
    });
  }

  it('lists only signed-in routes as open to people awaiting approval', () => {
    for (const key of PENDING_ALLOWED) expect(POLICY[key], key).toBe('signed-in');
  });
});

const TABLES = ['people', 'role_grants', 'sessions', 'invitations', 'password_resets', 'outbox', 'audit_events', 'cities', 'sign_in_attempts'] as const;

async function snapshot() {
  const counts = await Promise.all(
    TABLES.map(async (table) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.app.db)).rows[0]?.n),
  );
  const people = await t.app.db.selectFrom('people').select(['id', 'name', 'locale', 'password_hash', 'updated_at']).orderBy('id').execute();
  return { counts, people };
}

describe('malformed bodies', () => {
  it('answer 400 problem+json listing the bad fields and change nothing, on every route that takes a body', async () => {
    // Each route is called by someone it admits, so validation is what answers.
    const allowedClient = new Map<string, TestClient>();
    for (const p of PRINCIPALS) if (p.email) allowedClient.set(p.role ?? '', await t.signedIn(p.email));
    const clientFor = (access: Access) => {
      const role = access === 'public' || access === 'signed-in' ? 'programme_manager' : access[0];
      const c = allowedClient.get(role ?? '');
      if (!c) throw new Error(`No demo account for ${String(role)}`);
      return c;
    };
    const before = await snapshot();
    const withBody = routes.filter((r) => r.hasBody);
    // Every POST, PUT and PATCH declares its body, so none escapes this check,
    // except idempotent marks whose whole meaning is in the URL.
    const bodyless = new Set([
      'PUT /api/programmes/{slug}/learning-completions/{cityId}',
      'POST /api/programmes/{slug}/calls/{kind}/assignments',
      'POST /api/programmes/{slug}/calls/{kind}/selection/publish',
      'POST /api/me/calendar-feed',
      // Asking for a download of one's data: nothing to choose.
      'POST /api/me/data-exports',
      'POST /api/programmes/{slug}/visits/confirm',
      'PUT /api/people/{id}/deactivation',
      // Sending an invitation again: a new link, nothing to choose.
      'POST /api/invitations/{id}/resend',
      // The body is the raw PDF, not JSON (attachments.routes.ts).
      'PUT /api/applications/{id}/attachments/{questionId}',
      'PUT /api/meetings/{id}/materials/file',
      'PUT /api/sessions/{id}/materials/file',
      // Marks whose whole meaning is in the URL (direct exchange), and a message's file as the raw body.
      'PUT /api/conversations/{id}/read',
      'PUT /api/cities/{cityId}/blocks/{blockedCityId}',
      'PUT /api/messages/{id}/attachments',
      // A support request's file as the raw body (support-attachments.routes.ts).
      'PUT /api/support-requests/{id}/attachments',
      // Starting the set-up of two-step sign-in: a new secret, nothing to choose.
      'POST /api/me/two-factor/enrolment',
      // Marking notifications read: the notification is in the URL, or all of mine.
      'POST /api/me/notifications/{id}/read',
      'POST /api/me/notifications/read-all',
      // Reminding a survey's people who have not answered: nothing to choose.
      'POST /api/surveys/{id}/remind',
    ]);
    expect(routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && !bodyless.has(r.key)).map((r) => r.key)).toEqual(withBody.map((r) => r.key));
    for (const route of withBody) {
      const res = await clientFor(POLICY[route.key] ?? 'public').request({ method: route.method as 'POST', url: fillPath(route.path), payload: { unexpected: [1, 2, 3] } });
      expect(res.statusCode, route.key).toBe(400);
      expect(res.headers['content-type'], route.key).toContain('application/problem+json');
      const body = res.json();
      expect(body.code, route.key).toBe('VALIDATION_FAILED');
      expect(body.errors.length, route.key).toBeGreaterThan(0);
      for (const e of body.errors) expect(e.field, route.key).toMatch(/^body\.\w+/);
    }
    expect(await snapshot()).toEqual(before);
  });
});
