import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

const EXPORT_COLUMNS = ['id', 'status', 'progress', 'requested_at', 'ready_at', 'expires_at', 'size_bytes'] as const;

export function latestExportOf(db: Q, personId: string) {
  return db.selectFrom('data_exports').select(EXPORT_COLUMNS).where('person_id', '=', personId).orderBy('requested_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export type ExportRow = NonNullable<Awaited<ReturnType<typeof latestExportOf>>>;

/** The open request of the person (pending or running), or a new one. */
export async function requestExport(db: Q, personId: string, now: Date): Promise<{ row: ExportRow; created: boolean }> {
  const open = await db.selectFrom('data_exports').select(EXPORT_COLUMNS).where('person_id', '=', personId).where('status', 'in', ['pending', 'running']).executeTakeFirst();
  if (open) return { row: open, created: false };
  const row = await db
    .insertInto('data_exports')
    .values({ person_id: personId, requested_at: now })
    .onConflict((oc) => oc.doNothing())
    .returning(EXPORT_COLUMNS)
    .executeTakeFirst();
  if (row) return { row, created: true };
  // Another request of the same person won the race.
  return { row: (await latestExportOf(db, personId))!, created: false };
}

/** Claims the oldest pending export (one process makes each one). */
export async function claimPendingExport(db: Q) {
  const row = await sql<{ id: string; person_id: string }>`
    UPDATE data_exports SET status = 'running', progress = 1
     WHERE id = (SELECT id FROM data_exports WHERE status = 'pending' ORDER BY requested_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id, person_id`.execute(db);
  return row.rows[0];
}

export async function setProgress(db: Q, id: string, progress: number) {
  await db.updateTable('data_exports').set({ progress }).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function finishExport(db: Q, id: string, content: Uint8Array, now: Date, keepMs: number) {
  await db
    .updateTable('data_exports')
    .set({ status: 'ready', progress: 100, content, size_bytes: content.byteLength, ready_at: now, expires_at: new Date(now.getTime() + keepMs) })
    .where('id', '=', id)
    .execute();
}

export async function failExport(db: Q, id: string, error: string) {
  await db.updateTable('data_exports').set({ status: 'failed', error: error.slice(0, 500) }).where('id', '=', id).execute();
}

/** The ZIP of a ready export of the person's, not expired. */
export function readyExportContent(db: Q, personId: string, id: string, now: Date) {
  return db
    .selectFrom('data_exports')
    .select(['content', 'ready_at'])
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('status', '=', 'ready')
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Everything the platform holds about one person, section by section (the download's files). */
export function sectionQueries(db: Q, person: { id: string; email: string }) {
  const email = person.email.toLowerCase();
  return {
    account: () =>
      db
        .selectFrom('people')
        .select(['id', 'email', 'name', 'locale', 'created_at', 'updated_at', 'last_sign_in_at', 'disabled_at', 'approval_pending', 'newsletter_opt_in', 'directory_opt_in', 'digest_opt_out'])
        .where('id', '=', person.id)
        .execute(),
    roles: () =>
      db
        .selectFrom('role_grants as g')
        .leftJoin('cities as c', 'c.id', 'g.city_id')
        .select(['g.role', 'c.name as city', 'g.primary_contact', 'g.created_at'])
        .where('g.person_id', '=', person.id)
        .orderBy('g.created_at')
        .execute(),
    invitations: () =>
      db
        .selectFrom('invitations as i')
        .leftJoin('cities as c', 'c.id', 'i.city_id')
        .select(['i.email', 'i.name', 'i.role', 'i.other_roles', 'c.name as city', 'i.created_at', 'i.expires_at', 'i.accepted_at', 'i.revoked_at'])
        .where((eb) => eb.or([eb('i.email', '=', email), eb('i.accepted_person_id', '=', person.id)]))
        .orderBy('i.created_at')
        .execute(),
    registrations: () =>
      db
        .selectFrom('registrations')
        .select(['email', 'name', 'city_name', 'country', 'role_title', 'description', 'status', 'decline_reason', 'created_at', 'verified_at', 'decided_at'])
        .where((eb) => eb.or([eb('person_id', '=', person.id), eb(sql<string>`lower(email)`, '=', email)]))
        .orderBy('created_at')
        .execute(),
    posts: () =>
      db
        .selectFrom('group_posts as p')
        .innerJoin('group_threads as t', 't.id', 'p.thread_id')
        .innerJoin('discussion_groups as g', 'g.id', 't.group_id')
        .select(['g.name as group', 't.title as thread', 'p.body_html', 'p.created_at', 'p.hidden_at', 'p.hidden_reason'])
        .where('p.author_id', '=', person.id)
        .orderBy('p.created_at')
        .execute(),
    threads: () =>
      db
        .selectFrom('group_threads as t')
        .innerJoin('discussion_groups as g', 'g.id', 't.group_id')
        .select(['g.name as group', 't.title', 't.created_at'])
        .where('t.created_by', '=', person.id)
        .orderBy('t.created_at')
        .execute(),
    messages: () =>
      db
        .selectFrom('outbox')
        .select(['subject', 'text_body', 'status', 'created_at', 'sent_at'])
        .where(sql<string>`lower(to_address)`, '=', email)
        .orderBy('created_at')
        .execute(),
    // Direct exchange (issue 20): the messages I wrote, the conversations I started, my read marks and archive.
    direct_messages: () =>
      db
        .selectFrom('messages as m')
        .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
        .select(['c.subject as conversation', 'm.body_html', 'm.created_at', 'm.hidden_at', 'm.hidden_reason'])
        .where('m.author_id', '=', person.id)
        .orderBy('m.created_at')
        .execute(),
    conversations_started: () =>
      db.selectFrom('conversations').select(['subject', 'about_kind', 'created_at']).where('started_by', '=', person.id).orderBy('created_at').execute(),
    conversation_reads: () =>
      db
        .selectFrom('conversation_reads as r')
        .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
        .select(['c.subject as conversation', 'r.read_up_to', 'r.archived_at'])
        .where('r.person_id', '=', person.id)
        .orderBy('c.created_at')
        .execute(),
    // Expert support (issue 21): my expert profile and conflicts, the requests I asked, my answers as expert.
    expert_profile: () =>
      db
        .selectFrom('expert_profiles')
        .select(['sectors', 'levers', 'languages', 'countries', 'weekly_capacity', 'bio', 'updated_at'])
        .select(sql<string[]>`coalesce((SELECT array_agg(c.name ORDER BY c.name) FROM expert_conflicts k JOIN cities c ON c.id = k.city_id WHERE k.person_id = expert_profiles.person_id), '{}'::text[])`.as('conflicts'))
        .where('person_id', '=', person.id)
        .execute(),
    support_requests_asked: () =>
      db
        .selectFrom('support_requests as r')
        .innerJoin('cities as c', 'c.id', 'r.city_id')
        .select(['c.name as city', 'r.title', 'r.question', 'r.kind', 'r.state', 'r.rating', 'r.rating_comment', 'r.created_at'])
        .where('r.asked_by', '=', person.id)
        .orderBy('r.created_at')
        .execute(),
    support_answers: () =>
      db
        .selectFrom('support_answers as a')
        .innerJoin('support_requests as r', 'r.id', 'a.request_id')
        .select(['r.title as request', 'a.body_html', 'a.created_at'])
        .where('a.author_id', '=', person.id)
        .orderBy('a.created_at')
        .execute(),
    // What I did around support requests: files I attached, consents I gave to publishing, takeaways I wrote, invitations I answered for my city.
    support_files_uploaded: () =>
      db
        .selectFrom('support_request_attachments as f')
        .innerJoin('support_requests as r', 'r.id', 'f.request_id')
        .select(['r.title as request', 'f.filename', 'f.size_bytes', 'f.uploaded_at'])
        .where('f.uploaded_by', '=', person.id)
        .orderBy('f.uploaded_at')
        .execute(),
    support_publication_consents: () =>
      db
        .selectFrom('support_publications as p')
        .innerJoin('support_requests as r', 'r.id', 'p.request_id')
        .select(['r.title as request', 'p.consent_at', 'p.published_at'])
        .where('p.consent_by', '=', person.id)
        .orderBy('p.consent_at')
        .execute(),
    support_takeaways: () =>
      db
        .selectFrom('support_requests as r')
        .select(['r.title as request', 'r.takeaway', 'r.takeaway_at'])
        .where('r.takeaway_by', '=', person.id)
        .orderBy('r.takeaway_at')
        .execute(),
    support_invitations_answered: () =>
      db
        .selectFrom('support_peer_invitations as i')
        .innerJoin('support_requests as r', 'r.id', 'i.request_id')
        .innerJoin('cities as c', 'c.id', 'i.city_id')
        .select(['r.title as request', 'c.name as city', 'i.answer', 'i.answered_at'])
        .where('i.answered_by', '=', person.id)
        .orderBy('i.answered_at')
        .execute(),
    // Surveys (issue 22): my named answers, my drafts, the surveys I was asked to answer (anonymous answers lead to nobody: they are not here).
    survey_answers_given: () =>
      db
        .selectFrom('survey_responses as r')
        .innerJoin('surveys as s', 's.id', 'r.survey_id')
        .leftJoin('cities as c', 'c.id', 'r.city_id')
        .select(['s.title as survey', 'c.name as city', 'r.answers', 'r.submitted_on'])
        .where('r.person_id', '=', person.id)
        .orderBy('r.submitted_on')
        .execute(),
    survey_drafts: () =>
      db
        .selectFrom('survey_drafts as d')
        .innerJoin('surveys as s', 's.id', 'd.survey_id')
        .leftJoin('cities as c', 'c.id', 'd.city_id')
        .select(['s.title as survey', 'c.name as city', 'd.answers', 'd.saved_at'])
        .where((eb) => eb.or([eb('d.person_id', '=', person.id), eb('d.saved_by', '=', person.id)]))
        .orderBy('d.saved_at')
        .execute(),
    survey_invitations: () =>
      db
        .selectFrom('survey_invitations as i')
        .innerJoin('surveys as s', 's.id', 'i.survey_id')
        .leftJoin('cities as c', 'c.id', 'i.city_id')
        .select(['s.title as survey', 'c.name as city', 'i.invited_at', 'i.reminded_at', 'i.answered'])
        .where('i.person_id', '=', person.id)
        .orderBy('i.invited_at')
        .execute(),
    group_requests: () =>
      db
        .selectFrom('group_memberships as m')
        .innerJoin('discussion_groups as g', 'g.id', 'm.group_id')
        .innerJoin('cities as c', 'c.id', 'm.city_id')
        .select(['g.name as group', 'c.name as city', 'm.status', 'm.message', 'm.requested_at'])
        .where('m.requested_by', '=', person.id)
        .orderBy('m.requested_at')
        .execute(),
    evaluations: () =>
      db
        .selectFrom('evaluations as e')
        .innerJoin('applications as a', 'a.id', 'e.application_id')
        .innerJoin('cities as c', 'c.id', 'a.city_id')
        .select(['c.name as city', 'e.scores', 'e.comment', 'e.status', 'e.conflict_reason', 'e.updated_at', 'e.submitted_at'])
        .where('e.evaluator_id', '=', person.id)
        .orderBy('e.updated_at')
        .execute(),
    visit_feedback: () =>
      db
        .selectFrom('visit_feedback as f')
        .innerJoin('cities as c', 'c.id', 'f.city_id')
        .select(['c.name as city', 'f.role', 'f.ratings', 'f.comments', 'f.created_at'])
        .where('f.person_id', '=', person.id)
        .orderBy('f.created_at')
        .execute(),
    meeting_attendance: () =>
      db
        .selectFrom('meeting_attendance as a')
        .innerJoin('group_meetings as m', 'm.id', 'a.meeting_id')
        .select(['m.title as meeting', 'm.starts_at', 'a.status'])
        .where('a.person_id', '=', person.id)
        .orderBy('m.starts_at')
        .execute(),
    city_contacts: () =>
      db
        .selectFrom('city_contacts as k')
        .innerJoin('cities as c', 'c.id', 'k.city_id')
        .select(['c.name as city', 'k.name', 'k.email', 'k.phone', 'k.role_title'])
        .where(sql<string>`lower(k.email)`, '=', email)
        .execute(),
    visit_delegations: () =>
      db
        .selectFrom('visit_delegates as d')
        .innerJoin('cities as c', 'c.id', 'd.city_id')
        .select(['c.name as city', 'd.name', 'd.role_title', 'd.email', 'd.dietary', 'd.access_needs', 'd.created_at'])
        .where(sql<string>`lower(d.email)`, '=', email)
        .execute(),
    consents: () =>
      db.selectFrom('privacy_consents').select(['notice_version', 'accepted_at', 'context']).where('person_id', '=', person.id).orderBy('accepted_at').execute(),
    sign_ins: () =>
      db
        .selectFrom('sign_in_attempts')
        .select(['attempted_at', 'kind', 'ip', 'succeeded'])
        .where(sql<string>`lower(email)`, '=', email)
        .orderBy('attempted_at', 'desc')
        .execute(),
    sessions: () =>
      db.selectFrom('sessions').select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent']).where('person_id', '=', person.id).orderBy('created_at').execute(),
    two_step_sign_in: () =>
      db.selectFrom('two_factor').select(['created_at', 'confirmed_at']).where('person_id', '=', person.id).execute(),
    remembered_browsers: () =>
      db.selectFrom('remembered_devices').select(['created_at', 'last_used_at', 'expires_at', 'user_agent']).where('person_id', '=', person.id).orderBy('created_at').execute(),
    my_actions: () =>
      db.selectFrom('audit_events').select(['at', 'action', 'entity_type', 'entity_id', 'ip']).where('actor_id', '=', person.id).orderBy('at').execute(),
  };
}
