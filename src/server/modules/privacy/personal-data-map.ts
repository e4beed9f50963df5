/**
 * Every table of the database, every column in it, and what it means for
 * the people it is about: which columns hold personal data, why the platform
 * holds them, how long, and what erasing a person's account does to their
 * rows. `personal-data-map.test.ts` compares this map with the migrated
 * database (information_schema): a new table or column fails the test until
 * it is classified here, and docs/privacy.md must name every table that holds
 * personal data. The erasure service (`erasure.service.ts`) and the download
 * of one's data read the same map.
 */

/**
 * What erasing a person does to the rows of a table that are theirs:
 * - `anonymise`: the rows stay, their personal columns are overwritten;
 * - `delete`: the rows are deleted;
 * - `keep`: the rows stay as the programme's record, pointing at the erased
 *   account, which now reads "Former participant";
 * - `none`: the table holds no personal data.
 */
export type Erasure = 'anonymise' | 'delete' | 'keep' | 'none';

export interface TableEntry {
  /** What the table holds, in a few words (docs/privacy.md uses the same words). */
  holds: string;
  /** Why the platform holds the personal data in it (empty for `none`). */
  why: string;
  /** How long rows are kept. */
  retention: string;
  erasure: Erasure;
  /** Columns holding personal data, with what they hold. */
  personal: Record<string, string>;
  /**
   * Free-text columns that may mention a person by name or email (written by
   * someone else, or copied into a record): erasure replaces the erased
   * person's name, email and phone number in them with "Former participant".
   */
  mentions?: readonly string[];
  /** The other columns: no personal data. */
  other: readonly string[];
}

const PROGRAMME_RECORD = 'ten years after the end of the programme (audit of the selection, funding rules)';
const ACCOUNT = 'as long as the account exists';

export const PERSONAL_DATA_MAP = {
  people: {
    holds: 'accounts',
    why: 'to let a person sign in, reach them by email and show who did what',
    retention: `${ACCOUNT}; erasure on request (the row stays anonymised so that the programme's records still name "Former participant")`,
    erasure: 'anonymise',
    personal: {
      email: 'email address',
      name: 'name',
      password_hash: 'password (hashed)',
      locale: 'preferred language',
      last_sign_in_at: 'last sign-in',
      newsletter_opt_in: 'newsletter opt-in',
      directory_opt_in: 'public listing opt-in',
      digest_opt_out: 'daily digest opt-out',
    },
    other: ['id', 'created_at', 'updated_at', 'disabled_at', 'approval_pending', 'erased_at'],
  },
  role_grants: {
    holds: 'roles a person holds (and the city a representative acts for)',
    why: 'to decide what a person may see and do',
    retention: ACCOUNT,
    erasure: 'delete',
    personal: { person_id: 'whose role', role: 'role', city_id: 'city represented', primary_contact: 'primary contact of the city' },
    other: ['id', 'created_at'],
  },
  sessions: {
    holds: 'sign-in sessions',
    why: 'to keep a person signed in and let them see where they are signed in',
    retention: 'until signed out or expired; expired sessions are deleted by the retention job',
    erasure: 'delete',
    personal: { person_id: 'whose session', ip: 'IP address', user_agent: 'browser', created_at: 'when signed in', last_seen_at: 'last used' },
    other: ['id', 'token_hash', 'expires_at'],
  },
  two_factor: {
    holds: 'the secret of a person\'s authenticator app (two-step sign-in)',
    why: 'to check the codes of two-step sign-in (decision 0027)',
    retention: 'until two-step sign-in is turned off, or the account is erased',
    erasure: 'delete',
    personal: { person_id: 'whose second factor', secret: 'authenticator secret', created_at: 'when set up', confirmed_at: 'when turned on', last_used_step: 'when a code was last used' },
    other: [],
  },
  two_factor_recovery_codes: {
    holds: 'recovery codes of two-step sign-in (hashed)',
    why: 'to let a person sign in without their phone',
    retention: 'until used, replaced, or two-step sign-in is turned off',
    erasure: 'delete',
    personal: { person_id: 'whose codes', used_at: 'when a code was used' },
    other: ['id', 'code_hash'],
  },
  two_factor_challenges: {
    holds: 'sign-ins waiting for their second step',
    why: 'to finish a sign-in after the password with a code',
    retention: 'five minutes',
    erasure: 'delete',
    personal: { person_id: 'who is signing in', created_at: 'when' },
    other: ['token_hash', 'expires_at', 'failures'],
  },
  remembered_devices: {
    holds: 'browsers remembered for 30 days after two-step sign-in',
    why: 'to skip the second step on a browser the person trusts',
    retention: '30 days, or until the password changes or two-step sign-in is turned off',
    erasure: 'delete',
    personal: { person_id: 'whose browser', user_agent: 'browser', created_at: 'when remembered', last_used_at: 'last used' },
    other: ['id', 'token_hash', 'expires_at'],
  },
  sign_in_attempts: {
    holds: 'sign-in attempts (succeeded or failed)',
    why: 'to throttle password guessing and show a person their sign-in history',
    retention: 'RETENTION_SIGN_IN_ATTEMPTS_DAYS (default 90 days), then deleted by the retention job',
    erasure: 'delete',
    personal: { email: 'email address typed', ip: 'IP address', attempted_at: 'when', succeeded: 'whether it succeeded' },
    other: ['id', 'kind'],
  },
  invitations: {
    holds: 'invitations to join the platform',
    why: 'to invite a person and give them their roles when they accept',
    retention: 'as long as the account of the person invited; erasure deletes invitations addressed to the person',
    erasure: 'delete',
    personal: { email: 'email address of the person invited', name: 'name of the person invited', accepted_person_id: 'account created', invited_by: 'who invited' },
    other: ['id', 'role', 'city_id', 'primary_contact', 'token_hash', 'created_at', 'expires_at', 'accepted_at', 'revoked_at', 'other_roles'],
  },
  password_resets: {
    holds: 'password reset requests',
    why: 'to let a person choose a new password',
    retention: 'until the account is erased (the token expires after an hour)',
    erasure: 'delete',
    personal: { person_id: 'whose reset', created_at: 'when asked', used_at: 'when used' },
    other: ['id', 'token_hash', 'expires_at'],
  },
  outbox: {
    holds: 'emails the platform sends',
    why: 'to deliver emails reliably (they hold invitation and reset links)',
    retention: 'sent emails: RETENTION_SENT_EMAIL_DAYS (default 30 days), then deleted by the retention job; failed ones are kept for the operator until the same period',
    erasure: 'delete',
    personal: { to_address: 'recipient', subject: 'subject', text_body: 'message' },
    mentions: ['subject', 'text_body'],
    other: ['id', 'status', 'attempts', 'next_attempt_at', 'locked_until', 'last_error', 'transport', 'created_at', 'sent_at'],
  },
  audit_events: {
    holds: 'the audit log',
    why: 'to account for every change (who, when, from where)',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { actor_id: 'who acted', ip: 'IP address of the actor (emptied on erasure)', details: 'before/after of the change' },
    mentions: ['details'],
    other: ['id', 'at', 'action', 'entity_type', 'entity_id'],
  },
  privacy_consents: {
    holds: 'acceptances of the privacy notice',
    why: 'to show which version of the notice a person accepted, when and how (accountability)',
    retention: `${ACCOUNT}, kept anonymised after erasure as the record that the notice was accepted`,
    erasure: 'keep',
    personal: { person_id: 'who accepted', notice_version: 'version accepted', accepted_at: 'when', context: 'how' },
    other: ['id'],
  },
  privacy_notices: {
    holds: 'versions of the privacy notice',
    why: 'to know who published a version',
    retention: 'for ever (the notice in force at each date)',
    erasure: 'keep',
    personal: { published_by: 'who published it' },
    other: ['id', 'version', 'published_at', 'changes', 'body'],
  },
  registrations: {
    holds: 'sign-ups with the city a person claims to represent',
    why: 'to verify the email address and let a manager approve the person',
    retention: 'unverified ones expire after a day; decided ones as long as the account',
    erasure: 'delete',
    personal: {
      email: 'email address',
      name: 'name',
      password_hash: 'password (hashed) until verified',
      person_id: 'account created',
      role_title: 'job title',
      decline_reason: 'why a registration was declined',
      created_at: 'when signed up',
      verified_at: 'when verified',
    },
    mentions: ['description'],
    other: [
      'id', 'token_hash', 'token_expires_at', 'status', 'city_source', 'city_id', 'geonames_id', 'city_name', 'country', 'latitude', 'longitude',
      'population', 'description', 'climate_target_year', 'has_climate_plan', 'covenant_signatory', 'privacy_notice_version', 'decided_by',
      'decided_at', 'version',
    ],
  },
  registration_attempts: {
    holds: 'sign-up and verification attempts',
    why: 'to throttle sign-ups per address and per email',
    retention: 'RETENTION_SIGN_IN_ATTEMPTS_DAYS (default 90 days), then deleted by the retention job',
    erasure: 'delete',
    personal: { ip: 'IP address', email: 'email address', attempted_at: 'when' },
    other: ['id', 'kind'],
  },
  registration_settings: {
    holds: 'whether registration is open',
    why: 'to know who opened or closed it',
    retention: 'for ever',
    erasure: 'keep',
    personal: { updated_by: 'who changed it' },
    other: ['id', 'open', 'updated_at'],
  },
  calendar_feeds: {
    holds: 'personal calendar feed tokens',
    why: 'to serve a person their meetings as a calendar',
    retention: ACCOUNT,
    erasure: 'delete',
    personal: { person_id: 'whose feed' },
    other: ['token_hash', 'created_at'],
  },
  digest_cursors: {
    holds: 'how far the daily digest has been sent',
    why: 'to send each post in the digest once',
    retention: ACCOUNT,
    erasure: 'delete',
    personal: { person_id: 'whose digest', sent_until: 'last digest' },
    other: [],
  },
  work_reminders: {
    holds: 'reminders of overdue work sent',
    why: 'to remind each item once a day',
    retention: 'a month (deleted by the reminders job)',
    erasure: 'delete',
    personal: { person_id: 'who was reminded', item_key: 'what', reminded_on: 'day', sent_at: 'when' },
    other: [],
  },
  meeting_reminders: {
    holds: 'meeting reminders sent',
    why: 'to remind each meeting once',
    retention: ACCOUNT,
    erasure: 'delete',
    personal: { person_id: 'who was reminded', sent_at: 'when' },
    other: ['meeting_id'],
  },
  visit_notices: {
    holds: 'study visit notices sent',
    why: 'to send each notice once',
    retention: ACCOUNT,
    erasure: 'delete',
    personal: { person_id: 'who was told', sent_at: 'when' },
    other: ['visit_id', 'kind'],
  },
  facilitator_unavailability: {
    holds: "days a facilitator cannot accompany a visit",
    why: 'to schedule study visits',
    retention: ACCOUNT,
    erasure: 'delete',
    personal: { person_id: 'whose days', day: 'day' },
    other: [],
  },
  group_facilitators: {
    holds: 'facilitators of discussion groups',
    why: 'to know who runs a group',
    retention: 'as long as the group',
    erasure: 'delete',
    personal: { person_id: 'facilitator' },
    other: ['group_id'],
  },
  group_posts: {
    holds: 'discussion posts',
    why: "the group's discussion, read by its members",
    retention: 'until the end of the programme plus one year; after erasure the posts stay under "Former participant" (replies would lose their question)',
    erasure: 'keep',
    personal: { author_id: 'author', hidden_by: 'who hid it', body_html: 'what the person wrote', hidden_reason: 'why it was hidden' },
    mentions: ['body_html', 'hidden_reason'],
    other: ['id', 'thread_id', 'mentioned_cities', 'reply_to', 'created_at', 'hidden_at'],
  },
  group_threads: {
    holds: 'discussion threads',
    why: 'who opened a discussion',
    retention: 'as long as the group',
    erasure: 'keep',
    personal: { created_by: 'who opened it' },
    mentions: ['title'],
    other: ['id', 'group_id', 'title', 'pinned', 'closed', 'created_at', 'last_post_at', 'post_count'],
  },
  group_memberships: {
    holds: "cities' membership of discussion groups",
    why: 'who asked to join and who decided',
    retention: 'as long as the group',
    erasure: 'keep',
    personal: { requested_by: 'who asked', decided_by: 'who decided', message: 'message with the request' },
    mentions: ['message'],
    other: ['group_id', 'city_id', 'status', 'sectors', 'requested_at', 'decided_at'],
  },
  group_meetings: {
    holds: 'meetings of discussion groups',
    why: '',
    retention: 'as long as the group',
    erasure: 'none',
    personal: {},
    mentions: ['agenda'],
    other: ['id', 'group_id', 'phase_number', 'title', 'starts_at', 'duration_minutes', 'join_url', 'agenda', 'created_at', 'updated_at'],
  },
  meeting_attendance: {
    holds: 'attendance at meetings',
    why: "a city's learning progress (programme record)",
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { person_id: 'who attended', status: 'attended or not', recorded_by: 'who recorded it' },
    other: ['meeting_id', 'city_id', 'recorded_at'],
  },
  meeting_materials: {
    holds: 'materials shared at meetings',
    why: 'who shared a material',
    retention: 'as long as the group',
    erasure: 'keep',
    personal: { created_by: 'who shared it' },
    mentions: ['title', 'filename'],
    other: ['id', 'meeting_id', 'title', 'url', 'filename', 'content', 'size_bytes', 'created_at'],
  },
  applications: {
    holds: "cities' applications to calls",
    why: 'to select cities fairly and explain a decision',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { created_by: 'who started it' },
    mentions: ['answers'],
    other: ['id', 'call_id', 'city_id', 'status', 'answers', 'created_at', 'updated_at', 'submitted_at', 'withdrawn_at', 'version'],
  },
  application_attachments: {
    holds: "files attached to applications",
    why: 'part of the application',
    retention: 'applications not selected: RETENTION_UNSELECTED_ATTACHMENTS_DAYS (default 365 days) after the decisions are published, then deleted by the retention job; others with the application',
    erasure: 'keep',
    personal: { uploaded_by: 'who uploaded it' },
    mentions: ['filename'],
    other: ['application_id', 'question_id', 'filename', 'content_type', 'size_bytes', 'content', 'uploaded_at'],
  },
  application_decisions: {
    holds: 'decisions on applications',
    why: 'who decided (programme record)',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { decided_by: 'who decided' },
    mentions: ['reason'],
    other: ['application_id', 'outcome', 'reason', 'waitlist_position', 'decided_at', 'promoted_at'],
  },
  application_reminders: { holds: 'deadline reminders sent for applications', why: '', retention: 'as long as the application', erasure: 'none', personal: {}, other: ['application_id', 'kind', 'sent_at'] },
  evaluator_assignments: {
    holds: 'evaluators assigned to applications',
    why: 'who evaluated what (programme record)',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { evaluator_id: 'evaluator', assigned_by: 'who assigned' },
    other: ['application_id', 'assigned_at'],
  },
  evaluations: {
    holds: "evaluators' scores and comments",
    why: 'to select cities and explain a decision (programme record)',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { evaluator_id: 'evaluator', comment: 'what the evaluator wrote', conflict_reason: 'conflict of interest declared' },
    mentions: ['comment', 'conflict_reason'],
    other: ['application_id', 'scores', 'status', 'updated_at', 'submitted_at', 'version'],
  },
  call_reopenings: {
    holds: 'calls reopened for one city',
    why: 'who granted it',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { granted_by: 'who granted it' },
    mentions: ['reason'],
    other: ['call_id', 'city_id', 'until', 'reason', 'granted_at'],
  },
  learning_completions: {
    holds: "cities' completed learning phases",
    why: 'who marked it',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { marked_by: 'who marked it' },
    other: ['programme_id', 'city_id', 'marked_at'],
  },
  programmes: {
    holds: 'programmes',
    why: 'who created it',
    retention: 'for ever',
    erasure: 'keep',
    personal: { created_by: 'who created it' },
    other: ['id', 'slug', 'title', 'description', 'format', 'edition_year', 'settings', 'demo', 'created_at', 'updated_at', 'version', 'published_at'],
  },
  cities: {
    holds: 'the registry of cities',
    why: 'who changed a city last',
    retention: 'for ever',
    erasure: 'keep',
    personal: { updated_by: 'who changed it last' },
    other: [
      'id', 'slug', 'name', 'country', 'kind', 'latitude', 'longitude', 'population', 'geonames_id', 'mission_label_date', 'created_at', 'updated_at',
      'region', 'languages', 'climate_target_year', 'sectors_of_interest', 'profile', 'version', 'solution_count', 'solution_sectors', 'name_key',
    ],
  },
  city_changes: {
    holds: 'the history of changes to cities',
    why: 'who changed what in the registry',
    retention: 'for ever',
    erasure: 'keep',
    personal: { actor_id: 'who changed it' },
    mentions: ['changes'],
    other: ['id', 'city_id', 'at', 'source', 'changes'],
  },
  city_contacts: {
    holds: "cities' contact persons",
    why: 'to reach a city (visible to the programme team and its representatives)',
    retention: 'until the city replaces the contact; erasure deletes the contact rows with the person\'s email address',
    erasure: 'delete',
    personal: { name: 'name', email: 'email address', phone: 'phone number', role_title: 'job title' },
    other: ['id', 'city_id', 'position', 'created_at'],
  },
  solutions: {
    holds: "cities' solutions in the library",
    why: 'who wrote and changed a solution',
    retention: 'for ever',
    erasure: 'keep',
    personal: { created_by: 'author', updated_by: 'who changed it last' },
    mentions: ['body_html'],
    other: [
      'id', 'city_id', 'title', 'summary', 'body_html', 'sectors', 'lever', 'stage', 'impact_tco2e_per_year', 'cost_range', 'visitable', 'start_year',
      'end_year', 'links', 'tags', 'language', 'status', 'published_at', 'demo', 'version', 'created_at', 'updated_at', 'search', 'city_country', 'city_kind',
    ],
  },
  study_visits: {
    holds: 'study visits',
    why: 'who accompanies a visit',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { facilitator_id: 'facilitator' },
    other: ['id', 'programme_id', 'host_city_id', 'matching_run_id', 'host_unavailable', 'starts_on', 'ends_on', 'schedule_confirmed_at', 'created_at', 'version'],
  },
  visit_delegates: {
    holds: 'delegates of a city on a study visit',
    why: 'to organise the visit (names, diet, access needs) and report who took part',
    retention: `${PROGRAMME_RECORD}; erasure anonymises the delegate rows with the person's email address`,
    erasure: 'anonymise',
    personal: { name: 'name', role_title: 'job title', email: 'email address', dietary: 'dietary needs', access_needs: 'access needs' },
    other: ['id', 'visit_id', 'city_id', 'created_at'],
  },
  visit_feedback: {
    holds: 'feedback after study visits',
    why: 'to report what cities learned (programme record)',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { person_id: 'author', comments: 'what the person wrote', ratings: 'ratings given' },
    mentions: ['comments'],
    other: ['visit_id', 'city_id', 'role', 'created_at'],
  },
  replication_plans: {
    holds: 'plans to replicate a solution after a visit',
    why: 'who wrote the plan and who owns it',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { created_by: 'author', owner: 'owner (a name as typed)' },
    mentions: ['owner', 'title'],
    other: ['id', 'visit_id', 'city_id', 'solution_id', 'title', 'steps', 'target_date', 'created_at'],
  },
  replication_updates: {
    holds: 'updates on replication plans',
    why: 'who reported progress',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { created_by: 'author' },
    mentions: ['evidence_text'],
    other: ['id', 'plan_id', 'checkpoint', 'status', 'evidence_text', 'evidence_url', 'created_at'],
  },
  matching_settings: { holds: 'matching settings', why: 'who changed them', retention: 'for ever', erasure: 'keep', personal: { updated_by: 'who changed them' }, other: ['programme_id', 'weights', 'rules', 'version', 'updated_at'] },
  matching_pair_rules: {
    holds: 'pairs of cities matched or kept apart',
    why: 'who set the rule',
    retention: 'for ever',
    erasure: 'keep',
    personal: { created_by: 'who set it' },
    other: ['programme_id', 'host_city_id', 'visitor_city_id', 'rule', 'created_at'],
  },
  matching_runs: {
    holds: 'matching runs',
    why: 'who ran it; facilitators named in the result',
    retention: 'for ever',
    erasure: 'keep',
    personal: { created_by: 'who ran it', facilitators: 'facilitators considered (ids and names)' },
    mentions: ['facilitators', 'instance', 'result', 'context'],
    other: ['id', 'programme_id', 'number', 'created_at', 'settings_version', 'inputs_hash', 'instance', 'context', 'status', 'objective', 'result', 'total_co2_kg'],
  },
  matching_publications: { holds: 'published matchings', why: 'who published', retention: 'for ever', erasure: 'keep', personal: { published_by: 'who published' }, other: ['programme_id', 'run_id', 'published_at'] },
  data_exports: {
    holds: "downloads of a person's own data",
    why: 'to hand a person everything the platform holds about them',
    retention: 'the ZIP is deleted 24 hours after it is ready (retention job)',
    erasure: 'delete',
    personal: { person_id: 'whose data', content: 'the ZIP itself' },
    other: ['id', 'status', 'progress', 'size_bytes', 'error', 'requested_at', 'ready_at', 'expires_at'],
  },
  conversations: {
    holds: 'conversations between cities (direct exchange)',
    why: 'who started a conversation',
    retention: 'as long as the conversation; after erasure it stays under "Former participant" (the other city keeps its exchange)',
    erasure: 'keep',
    personal: { started_by: 'who started it' },
    mentions: ['subject'],
    other: ['id', 'subject', 'about_kind', 'about_solution_id', 'about_city_id', 'about_visit_id', 'created_at', 'last_message_at'],
  },
  conversation_parties: {
    holds: 'who takes part in a conversation (cities, the programme team, an expert)',
    why: 'to show an expert the conversations they take part in',
    retention: 'as long as the conversation',
    erasure: 'keep',
    personal: { person_id: 'the expert taking part' },
    other: ['id', 'conversation_id', 'kind', 'city_id', 'last_message_at', 'joined_at'],
  },
  messages: {
    holds: 'messages between cities (direct exchange)',
    why: 'the exchange itself, read by the representatives of the cities taking part',
    retention: 'as long as the conversation; after erasure the messages stay under "Former participant" (answers would lose their question)',
    erasure: 'keep',
    personal: { author_id: 'author', body_html: 'what the person wrote', body_text: 'what the person wrote (for search)', hidden_by: 'who hid it', hidden_reason: 'why it was hidden' },
    mentions: ['body_html', 'body_text', 'hidden_reason'],
    other: ['id', 'conversation_id', 'party_id', 'created_at', 'hidden_at'],
  },
  message_attachments: {
    holds: 'files attached to messages',
    why: 'part of the message',
    retention: 'with the message',
    erasure: 'keep',
    personal: { content: 'the file a person attached' },
    mentions: ['filename'],
    other: ['id', 'message_id', 'filename', 'content_type', 'size_bytes', 'uploaded_at'],
  },
  conversation_reads: {
    holds: 'what each person has read and archived in their conversations',
    why: 'to mark unread messages and keep archived conversations out of the inbox',
    retention: ACCOUNT,
    erasure: 'delete',
    personal: { person_id: 'who read', read_up_to: 'up to when they read', archived_at: 'when they archived it' },
    other: ['conversation_id'],
  },
  city_blocks: {
    holds: 'cities a city will not receive new conversations from',
    why: 'who blocked a city',
    retention: 'until the block is lifted',
    erasure: 'keep',
    personal: { blocked_by: 'who blocked' },
    other: ['city_id', 'blocked_city_id', 'created_at'],
  },
  message_reports: {
    holds: 'messages reported to the programme team',
    why: 'to let the programme team act on a report and show what it did',
    retention: 'as long as the message',
    erasure: 'keep',
    personal: { reported_by: 'who reported', reason: 'why, in their words', resolved_by: 'who acted on it' },
    mentions: ['reason'],
    other: ['id', 'message_id', 'created_at', 'resolved_at', 'outcome'],
  },
  meeting_requests: {
    holds: 'online meetings proposed between cities',
    why: 'who proposed, accepted or declined a meeting',
    retention: 'as long as the conversation',
    erasure: 'keep',
    personal: { proposed_by: 'who proposed it', decided_by: 'who accepted or declined', decline_reason: 'why declined, in their words' },
    mentions: ['title', 'decline_reason'],
    other: ['id', 'conversation_id', 'party_id', 'title', 'duration_minutes', 'join_url', 'status', 'accepted_slot_id', 'decided_at', 'ics_uid', 'ics_sequence', 'reminder_sent_at', 'scheduled_at', 'version', 'created_at', 'updated_at'],
  },
  notifications: {
    holds: "what happened to a person (the bell's list)",
    why: 'to tell a person what needs their attention',
    retention: 'RETENTION_NOTIFICATIONS_DAYS (default 180 days), then deleted by the retention job',
    erasure: 'delete',
    personal: { person_id: 'whose notification', title: 'what happened', body: 'more about it', read_at: 'when read', emailed_at: 'when emailed' },
    other: ['id', 'kind', 'link', 'delivery', 'created_at'],
  },
  notification_preferences: {
    holds: 'how each person wants to hear of each kind of notification',
    why: "to respect a person's choice of email, daily digest or in the app only",
    retention: ACCOUNT,
    erasure: 'delete',
    personal: { person_id: 'whose choice', delivery: 'the choice' },
    other: ['kind'],
  },
  expert_profiles: {
    holds: "experts' profiles for support requests (sectors, levers, languages, countries, weekly capacity, bio)",
    why: 'to route support requests to the expert who fits and show cities who answers them',
    retention: ACCOUNT,
    erasure: 'delete',
    personal: {
      person_id: 'whose profile',
      sectors: 'what the expert knows',
      levers: 'what the expert knows',
      languages: 'languages the expert works in',
      countries: 'countries the expert covers',
      weekly_capacity: 'how many requests a week they take',
      bio: 'a few lines about the expert',
    },
    other: ['version', 'updated_at'],
  },
  expert_conflicts: {
    holds: 'cities an expert declared a conflict of interest with',
    why: 'never to assign an expert a request of a city they have a conflict with',
    retention: ACCOUNT,
    erasure: 'delete',
    personal: { person_id: 'whose conflict', city_id: 'the city of the conflict' },
    other: [],
  },
  support_requests: {
    holds: "cities' requests for expert support",
    why: 'who asked, who answers, and how the city rated the answer',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { asked_by: 'who asked', expert_id: 'the expert assigned', rating_comment: "the city's comment on the answer" },
    mentions: ['title', 'question', 'rating_comment'],
    other: [
      'id', 'city_id', 'title', 'question', 'sectors', 'levers', 'languages', 'kind', 'urgency', 'state', 'assigned_by', 'assignment_reasons', 'unassigned_reason',
      'assigned_at', 'first_answer_due_at', 'first_answered_at', 'rating', 'closed_at', 'version', 'created_at',
    ],
  },
  support_answers: {
    holds: "experts' answers to support requests",
    why: 'the answer itself, read by the representatives of the city that asked',
    retention: `${PROGRAMME_RECORD}; after erasure the answers stay under "Former participant"`,
    erasure: 'keep',
    personal: { author_id: 'the expert who answered', body_html: 'what the expert wrote', body_text: 'what the expert wrote (plain text)' },
    mentions: ['body_html', 'body_text'],
    other: ['id', 'request_id', 'created_at'],
  },
  support_events: {
    holds: 'what happened to a support request (assigned, answered, closed, reminded…)',
    why: 'to show the city and the programme team who changed a request and when',
    retention: PROGRAMME_RECORD,
    erasure: 'keep',
    personal: { actor_id: 'who did it', note: 'a note in their words (why reassigned, what is still open)' },
    mentions: ['note'],
    other: ['id', 'seq', 'request_id', 'at', 'kind'],
  },
  meeting_slots: { holds: 'the times proposed for an online meeting', why: '', retention: 'with the meeting', erasure: 'none', personal: {}, other: ['id', 'meeting_request_id', 'starts_at'] },
  // No personal data.
  calls: { holds: 'calls for applications', why: '', retention: 'for ever', erasure: 'none', personal: {}, other: ['id', 'programme_id', 'kind', 'questions', 'criteria', 'decisions_published_at', 'version', 'opens_at', 'closes_at'] },
  programme_milestones: { holds: "programmes' timelines", why: '', retention: 'for ever', erasure: 'none', personal: {}, other: ['programme_id', 'kind', 'starts_on', 'ends_on'] },
  learning_phases: { holds: 'learning phases', why: '', retention: 'for ever', erasure: 'none', personal: {}, other: ['programme_id', 'number', 'title', 'goals', 'starts_on', 'ends_on', 'materials'] },
  discussion_groups: { holds: 'discussion groups', why: '', retention: 'for ever', erasure: 'none', personal: {}, other: ['id', 'programme_id', 'name', 'description', 'sectors', 'language', 'capacity', 'created_at'] },
  visit_agenda_items: { holds: 'agendas of study visits', why: '', retention: 'for ever', erasure: 'none', personal: {}, other: ['id', 'visit_id', 'day', 'starts_at', 'ends_at', 'kind', 'title', 'place', 'solution_id'] },
  visit_participants: { holds: 'cities visiting', why: '', retention: 'for ever', erasure: 'none', personal: {}, other: ['visit_id', 'city_id'] },
  visit_travel: { holds: "cities' travel to visits", why: '', retention: 'for ever', erasure: 'none', personal: {}, other: ['visit_id', 'city_id', 'mode', 'distance_km', 'travellers', 'co2_kg'] },
  cache_versions: { holds: 'cache versions', why: '', retention: 'for ever', erasure: 'none', personal: {}, other: ['name', 'version'] },
  job_runs: { holds: 'when scheduled jobs last ran', why: '', retention: 'for ever', erasure: 'none', personal: {}, other: ['name', 'last_run_at'] },
  seed_runs: { holds: 'demo data loaded', why: '', retention: 'for ever', erasure: 'none', personal: {}, other: ['name', 'applied_at'] },
  schema_migrations: { holds: 'migrations applied', why: '', retention: 'for ever', erasure: 'none', personal: {}, other: ['version', 'name', 'checksum', 'applied_at'] },
} as const satisfies Record<string, TableEntry>;

export type MappedTable = keyof typeof PERSONAL_DATA_MAP;

export const MAPPED_TABLES = Object.keys(PERSONAL_DATA_MAP) as MappedTable[];

/** The tables holding personal data (everything whose erasure is not `none`). */
export const PERSONAL_TABLES = MAPPED_TABLES.filter((t) => PERSONAL_DATA_MAP[t].erasure !== 'none');

/** Free-text columns that may mention a person, by table. */
export const MENTION_COLUMNS: { table: MappedTable; column: string }[] = MAPPED_TABLES.flatMap((table) => {
  const entry: TableEntry = PERSONAL_DATA_MAP[table];
  return (entry.mentions ?? []).map((column) => ({ table, column }));
});
