import { checkDefinition, checkDefinitionChange, type DefinitionProblem } from '../../../domain/surveys/definition-rules.ts';
import { allQuestions } from '../../../domain/surveys/questions.ts';
import { SURVEY_TEMPLATES } from '../../../domain/surveys/templates.ts';
import { addDays } from '../../../domain/time/zoned-time.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { FieldError } from '../../../shared/problem.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type {
  CreateSurveyBody,
  Survey,
  SurveyDefinition,
  SurveyPage,
  SurveySettings,
  SurveyState,
  SurveySummary,
  SurveyTemplateKey,
  UpdateSurveyBody,
} from '../../../shared/survey.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { countAudience, inviteesOf } from './survey-audience.ts';
import { mailInvitations } from './survey-emails.ts';
import { countsOf, hasResponses, listSurveys as listRows, stateOf, surveyById, surveyToday, type SurveyRow } from './surveys.repository.ts';

type Q = Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0] | Db;

const notFound = () => new AppError('NOT_FOUND', reason('SURVEY_NOT_FOUND'));
const stale = () => new AppError('EDIT_CONFLICT', reason('SURVEY_CHANGED'));
const iso = (d: Date | string) => new Date(d).toISOString();
/** The default answer window: four weeks from today. */
const DEFAULT_WINDOW_DAYS = 28;

export function listTemplates() {
  return {
    items: Object.values(SURVEY_TEMPLATES).map((t) => ({
      key: t.key,
      title: t.title,
      description: t.description,
      respondent: t.respondent,
      anonymous: t.anonymous,
      questionCount: allQuestions(t.definition).length,
    })),
  };
}

function presentSummary(row: SurveyRow, today: string, counts: { invited: number; responses: number } | undefined): SurveySummary {
  return {
    id: row.id,
    title: row.title,
    state: stateOf(row, today),
    template: row.template,
    audience: row.audience,
    respondent: row.respondent,
    anonymous: row.anonymous,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    invited: counts?.invited ?? 0,
    responses: counts?.responses ?? 0,
    updatedAt: iso(row.updated_at),
  };
}

async function present(db: Q, row: SurveyRow, now: Date): Promise<Survey> {
  const counts = (await countsOf(db, [row.id])).get(row.id);
  return {
    ...presentSummary(row, surveyToday(now), counts),
    description: row.description,
    programmeId: row.programme_id,
    definition: row.definition,
    version: row.version,
    sentAt: row.sent_at ? iso(row.sent_at) : null,
    hasResponses: (counts?.responses ?? 0) > 0,
  };
}

export async function listSurveys(db: Db, input: { query: { state?: SurveyState | undefined; page: number; pageSize: number }; now: Date }): Promise<SurveyPage> {
  const { query } = input;
  const today = surveyToday(input.now);
  const { rows, total } = await listRows(db, { state: query.state, today, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const counts = await countsOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => presentSummary(r, today, counts.get(r.id))), total, page: query.page, pageSize: query.pageSize };
}

export async function readSurvey(db: Db, input: { id: string; now: Date }): Promise<Survey> {
  const row = await surveyById(db, input.id);
  if (!row) throw notFound();
  return present(db, row, input.now);
}

const invalid = (errors: FieldError[]) => new AppError('VALIDATION_FAILED', errors[0]?.reason ?? reason('SURVEY_WINDOW_REVERSED'), { errors });
const definitionErrors = (problems: readonly DefinitionProblem[]) => problems.map((p) => fieldError(`definition.${p.path}`, p.reason));

function checkWindow(opensOn: string, closesOn: string): FieldError[] {
  return closesOn < opensOn ? [fieldError('closesOn', reason('SURVEY_WINDOW_REVERSED'))] : [];
}

/**
 * A new survey (a draft): from a template (its questions and suggested
 * settings; audience all cities, the window today to four weeks on, unless
 * the body says otherwise), a copy of another survey (its questions and
 * settings, a new window, never sent), or settings with questions.
 */
export async function createSurvey(db: Db, input: { body: CreateSurveyBody; user: CurrentUser; now: Date; ip: string }): Promise<Survey> {
  const { body, user, now } = input;
  const today = surveyToday(now);
  const defaults = { audience: { kind: 'all-cities' } as const, opensOn: today, closesOn: addDays(today, DEFAULT_WINDOW_DAYS), programmeId: null };
  let values: SurveySettings & { definition: SurveyDefinition; template: SurveyTemplateKey | null };
  if ('template' in body) {
    const t = SURVEY_TEMPLATES[body.template];
    const { template, ...given } = body;
    values = {
      title: t.title,
      description: t.description,
      respondent: t.respondent,
      anonymous: t.anonymous,
      ...defaults,
      ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
      definition: t.definition,
      template,
    };
  } else if ('duplicateOf' in body) {
    const source = await surveyById(db, body.duplicateOf);
    if (!source) throw new AppError('VALIDATION_FAILED', reason('SURVEY_DUPLICATE_UNKNOWN'), { errors: [fieldError('body.duplicateOf', reason('SURVEY_DUPLICATE_UNKNOWN'))] });
    values = {
      title: `${source.title} (copy)`.slice(0, 200),
      description: source.description,
      audience: source.audience,
      respondent: source.respondent,
      anonymous: source.anonymous,
      opensOn: defaults.opensOn,
      closesOn: defaults.closesOn,
      programmeId: source.programme_id,
      definition: source.definition,
      template: source.template,
    };
  } else {
    values = { ...body, template: null };
  }
  const errors = [...checkWindow(values.opensOn, values.closesOn), ...definitionErrors(checkDefinition(values.definition))];
  if (errors.length) throw invalid(errors);
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('surveys')
      .values({
        title: values.title,
        description: values.description,
        template: values.template,
        definition: JSON.stringify(values.definition),
        audience: JSON.stringify(values.audience),
        respondent: values.respondent,
        anonymous: values.anonymous,
        opens_on: values.opensOn,
        closes_on: values.closesOn,
        programme_id: values.programmeId,
        created_by: user.id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: user.id,
      action: 'survey.create',
      entityType: 'survey',
      entityId: inserted.id,
      ip: input.ip,
      details: { template: values.template, duplicateOf: 'duplicateOf' in body ? body.duplicateOf : null },
    });
    return inserted;
  });
  return present(db, row, now);
}

/**
 * Saves settings and questions, from the version the manager read (409
 * EDIT_CONFLICT when someone saved in between). Refused with the reasons
 * (400): a questionnaire checkDefinition refuses; once answers exist, any
 * change checkDefinitionChange refuses (a question removed or retyped…);
 * once sent, a change of respondent or anonymity. Nothing changes then.
 */
export async function updateSurvey(db: Db, input: { id: string; body: UpdateSurveyBody; user: CurrentUser; now: Date; ip: string }): Promise<Survey> {
  const { body, now } = input;
  const row = await db.transaction().execute(async (trx) => {
    const before = await surveyById(trx, input.id, true);
    if (!before) throw notFound();
    if (before.version !== body.version) throw stale();
    const errors: FieldError[] = [];
    if (before.sent_at) {
      if (body.respondent !== undefined && body.respondent !== before.respondent) errors.push(fieldError('respondent', reason('SURVEY_FIXED_ONCE_SENT')));
      if (body.anonymous !== undefined && body.anonymous !== before.anonymous) errors.push(fieldError('anonymous', reason('SURVEY_FIXED_ONCE_SENT')));
    }
    errors.push(...checkWindow(body.opensOn ?? before.opens_on, body.closesOn ?? before.closes_on));
    const changes: string[] = Object.keys(body).filter((k) => k !== 'version');
    if (body.definition) {
      errors.push(...definitionErrors(checkDefinition(body.definition)));
      if (await hasResponses(trx, before.id)) errors.push(...definitionErrors(checkDefinitionChange(before.definition, body.definition)));
    }
    if (errors.length) throw invalid(errors);
    const updated = await trx
      .updateTable('surveys')
      .set((eb) => ({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.audience !== undefined ? { audience: JSON.stringify(body.audience) } : {}),
        ...(body.respondent !== undefined ? { respondent: body.respondent } : {}),
        ...(body.anonymous !== undefined ? { anonymous: body.anonymous } : {}),
        ...(body.opensOn !== undefined ? { opens_on: body.opensOn } : {}),
        ...(body.closesOn !== undefined ? { closes_on: body.closesOn } : {}),
        ...(body.programmeId !== undefined ? { programme_id: body.programmeId } : {}),
        ...(body.definition !== undefined ? { definition: JSON.stringify(body.definition) } : {}),
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: input.user.id, action: 'survey.update', entityType: 'survey', entityId: before.id, ip: input.ip, details: { changed: changes } });
    return updated;
  });
  return present(db, row, now);
}

/** Only a draft (never sent) is deleted; a sent survey is closed instead (409). */
export async function deleteSurvey(db: Db, input: { id: string; user: CurrentUser; ip: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await surveyById(trx, input.id, true);
    if (!row) throw notFound();
    if (row.sent_at) throw new AppError('CONFLICT', reason('SURVEY_SENT_NOT_DELETED'));
    await trx.deleteFrom('surveys').where('id', '=', row.id).execute();
    await recordAudit(trx, { actorId: input.user.id, action: 'survey.delete', entityType: 'survey', entityId: row.id, ip: input.ip, details: { title: row.title } });
  });
}

export async function audienceOf(db: Db, id: string) {
  const row = await surveyById(db, id);
  if (!row) throw notFound();
  return countAudience(db, row.audience, row.respondent);
}

/**
 * Sends the survey, from the version the manager read: its window must not
 * have ended, its audience must reach someone (400 with the reason
 * otherwise); invitations for the audience as it is now, an email and a
 * notification each, and the audit entry, in one transaction.
 */
export async function sendSurvey(db: Db, input: { id: string; version: number; user: CurrentUser; now: Date; ip: string; publicUrl: string }): Promise<Survey> {
  const { now } = input;
  const today = surveyToday(now);
  const row = await db.transaction().execute(async (trx) => {
    const before = await surveyById(trx, input.id, true);
    if (!before) throw notFound();
    if (before.version !== input.version) throw stale();
    if (before.sent_at) throw new AppError('CONFLICT', reason('SURVEY_ALREADY_SENT'));
    if (before.closes_on < today) {
      throw new AppError('VALIDATION_FAILED', reason('SURVEY_WINDOW_ENDED', { closesOn: before.closes_on }), { errors: [fieldError('closesOn', reason('SURVEY_WINDOW_ENDED', { closesOn: before.closes_on }))] });
    }
    const invitees = await inviteesOf(trx, before.audience, before.respondent);
    if (!invitees.length) throw new AppError('VALIDATION_FAILED', reason('SURVEY_AUDIENCE_EMPTY'), { errors: [fieldError('audience', reason('SURVEY_AUDIENCE_EMPTY'))] });
    await trx
      .insertInto('survey_invitations')
      .values(invitees.map((x) => ({ survey_id: before.id, person_id: x.personId, city_id: x.cityId, invited_at: now })))
      .execute();
    const emailed = await mailInvitations(trx, before, invitees, { kind: 'invitation', publicUrl: input.publicUrl });
    const updated = await trx
      .updateTable('surveys')
      .set((eb) => ({ sent_at: now, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: input.user.id,
      action: 'survey.send',
      entityType: 'survey',
      entityId: before.id,
      ip: input.ip,
      details: { audience: before.audience, invited: invitees.length, emailed },
    });
    return updated;
  });
  return present(db, row, now);
}

/**
 * Reminds the people invited who have not answered (an email each through
 * the outbox, a notification); only an open survey. Answers how many.
 */
export async function remindSurvey(db: Db, input: { id: string; user: CurrentUser; now: Date; ip: string; publicUrl: string }): Promise<{ reminded: number }> {
  const today = surveyToday(input.now);
  return db.transaction().execute(async (trx) => {
    const survey = await surveyById(trx, input.id, true);
    if (!survey) throw notFound();
    const state = stateOf(survey, today);
    if (state === 'draft') throw new AppError('CONFLICT', reason('SURVEY_NOT_SENT'));
    if (state === 'closed') throw new AppError('CONFLICT', reason('SURVEY_ALREADY_CLOSED'));
    const claimed = await trx
      .updateTable('survey_invitations')
      .set({ reminded_at: input.now })
      .where('survey_id', '=', survey.id)
      .where('answered', '=', false)
      .returning(['person_id', 'city_id'])
      .execute();
    const reminded = await mailInvitations(trx, survey, claimed.map((c) => ({ personId: c.person_id, cityId: c.city_id })), { kind: 'reminder', publicUrl: input.publicUrl });
    await recordAudit(trx, { actorId: input.user.id, action: 'survey.remind', entityType: 'survey', entityId: survey.id, ip: input.ip, details: { reminded } });
    return { reminded };
  });
}

/** Closes an open survey by hand, from the version the manager read. */
export async function closeSurvey(db: Db, input: { id: string; version: number; user: CurrentUser; now: Date; ip: string }): Promise<Survey> {
  const today = surveyToday(input.now);
  const row = await db.transaction().execute(async (trx) => {
    const before = await surveyById(trx, input.id, true);
    if (!before) throw notFound();
    if (before.version !== input.version) throw stale();
    const state = stateOf(before, today);
    if (state === 'draft') throw new AppError('CONFLICT', reason('SURVEY_NOT_SENT'));
    if (before.closed_at) throw new AppError('CONFLICT', reason('SURVEY_ALREADY_CLOSED'));
    const updated = await trx
      .updateTable('surveys')
      .set((eb) => ({ closed_at: input.now, version: eb('version', '+', 1), updated_at: input.now }))
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: input.user.id, action: 'survey.close', entityType: 'survey', entityId: before.id, ip: input.ip });
    return updated;
  });
  return present(db, row, input.now);
}
