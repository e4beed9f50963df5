import { sql } from 'kysely';
import { answerRows } from '../../../domain/surveys/answer-rows.ts';
import { checkAnswers } from '../../../domain/surveys/check-answers.ts';
import { populationBand } from '../../../domain/surveys/population-band.ts';
import { prioritiesFromAnswers } from '../../../domain/surveys/priorities.ts';
import { keepVisibleAnswers, visibleQuestions } from '../../../domain/surveys/questions.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Reason } from '../../../shared/reason.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { MySurvey, MySurveyItem, SurveyAnswers } from '../../../shared/survey.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { stateOf, surveyToday, type SurveyRow } from './surveys.repository.ts';

type Trx = Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0];
type Q = Db | Trx;

const notFound = () => new AppError('NOT_FOUND', reason('SURVEY_NOT_FOUND'));
const iso = (d: Date | string) => new Date(d).toISOString();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What one person answers: a survey for themselves (city null) or for one of their cities. */
interface Slot {
  survey: SurveyRow;
  city: { id: string; name: string } | null;
  /** Per-person surveys: the city of the person's invitation, for the segment of results (null: unknown). */
  segmentCityId: string | null;
  answered: boolean;
}

const citiesOfUser = (user: CurrentUser) => [...new Set(user.roles.flatMap((g) => (g.role === 'city_representative' && g.cityId ? [g.cityId] : [])))];

/**
 * Everything a person is asked to answer, from their invitations: per
 * person, one slot per survey; per city, one slot per city they represent
 * now that the survey asks (a city is asked when one of its representatives
 * was invited for it), answered when any representative answered for it.
 * Only surveys sent; `surveyId` narrows to one.
 */
async function slotsOf(db: Q, user: CurrentUser, surveyId?: string): Promise<Slot[]> {
  let q = db
    .selectFrom('survey_invitations as i')
    .innerJoin('surveys as s', 's.id', 'i.survey_id')
    .selectAll('s')
    .select(['i.city_id as invitation_city_id', 'i.answered as invitation_answered'])
    .where('i.person_id', '=', user.id)
    .where('s.sent_at', 'is not', null);
  if (surveyId) q = q.where('s.id', '=', surveyId);
  const rows = await q.execute();
  if (!rows.length) return [];
  const myCities = citiesOfUser(user);
  const perCity = rows.filter((r) => r.respondent === 'city').map((r) => r.id);
  const cityRows =
    perCity.length && myCities.length
      ? await db
          .selectFrom('survey_invitations as i')
          .innerJoin('cities as c', 'c.id', 'i.city_id')
          .select(['i.survey_id', 'c.id', 'c.name'])
          .select(sql<boolean>`bool_or(i.answered)`.as('answered'))
          .where('i.survey_id', 'in', perCity)
          .where('i.city_id', 'in', myCities)
          .groupBy(['i.survey_id', 'c.id', 'c.name'])
          .orderBy('c.name')
          .execute()
      : [];
  const slots: Slot[] = [];
  for (const r of rows) {
    const { invitation_city_id, invitation_answered, ...survey } = r;
    if (r.respondent === 'person') {
      slots.push({ survey, city: null, segmentCityId: invitation_city_id, answered: invitation_answered });
    } else {
      for (const c of cityRows.filter((x) => x.survey_id === r.id)) slots.push({ survey, city: { id: c.id, name: c.name }, segmentCityId: c.id, answered: c.answered });
    }
  }
  return slots;
}

async function draftOf(db: Q, slot: Slot, user: CurrentUser) {
  let q = db.selectFrom('survey_drafts').select(['answers', 'saved_at']).where('survey_id', '=', slot.survey.id);
  q = slot.city ? q.where('city_id', '=', slot.city.id) : q.where('person_id', '=', user.id);
  return q.executeTakeFirst();
}

function statusOf(slot: Slot, today: string, hasDraft: boolean): MySurveyItem['status'] {
  if (slot.answered) return 'answered';
  if (stateOf(slot.survey, today) === 'closed') return 'closed';
  return hasDraft ? 'draft' : 'not-started';
}

function itemOf(slot: Slot, today: string, draft: { saved_at: Date } | undefined): MySurveyItem {
  return {
    id: slot.survey.id,
    title: slot.survey.title,
    description: slot.survey.description,
    anonymous: slot.survey.anonymous,
    respondent: slot.survey.respondent,
    city: slot.city,
    closesOn: slot.survey.closes_on,
    status: statusOf(slot, today, Boolean(draft)),
    draftSavedAt: draft && !slot.answered ? iso(draft.saved_at) : null,
  };
}

/** My surveys: open ones waiting for me first (the soonest closing first), then those answered or closed. */
export async function listMySurveys(db: Db, input: { user: CurrentUser; now: Date }) {
  const today = surveyToday(input.now);
  const slots = await slotsOf(db, input.user);
  const items: MySurveyItem[] = [];
  for (const slot of slots) items.push(itemOf(slot, today, await draftOf(db, slot, input.user)));
  const waiting = (i: MySurveyItem) => (i.status === 'not-started' || i.status === 'draft' ? 0 : 1);
  items.sort((a, b) => waiting(a) - waiting(b) || (waiting(a) === 0 ? a.closesOn.localeCompare(b.closesOn) : b.closesOn.localeCompare(a.closesOn)) || a.title.localeCompare(b.title) || (a.city?.name ?? '').localeCompare(b.city?.name ?? ''));
  return { items };
}

/** The slot a request is about: 404 when not invited (or not for this city); a per-city survey without a city: the first of mine not answered. */
async function slotFor(db: Q, user: CurrentUser, surveyId: string, cityId: string | null | undefined): Promise<Slot> {
  const slots = await slotsOf(db, user, surveyId);
  if (!slots.length) throw notFound();
  const first = slots[0]!;
  if (first.survey.respondent === 'person') return first;
  if (cityId) {
    const slot = slots.find((s) => s.city?.id === cityId);
    if (!slot) throw notFound();
    return slot;
  }
  return slots.find((s) => !s.answered) ?? first;
}

export async function readMySurvey(db: Db, input: { id: string; cityId?: string | undefined; user: CurrentUser; now: Date }): Promise<MySurvey> {
  const slot = await slotFor(db, input.user, input.id, input.cityId);
  const draft = slot.answered ? undefined : await draftOf(db, slot, input.user);
  return { ...itemOf(slot, surveyToday(input.now), draft), definition: slot.survey.definition, draft: draft ? draft.answers : null };
}

/** 409 SURVEY_NOT_OPEN unless the survey takes answers today; 409 SURVEY_ALREADY_ANSWERED once answered. */
function checkOpen(slot: Slot, now: Date) {
  const today = surveyToday(now);
  const s = slot.survey;
  const why: Reason | null = s.closed_at
    ? reason('SURVEY_CLOSED_BY_TEAM')
    : today > s.closes_on
      ? reason('SURVEY_CLOSED_ON', { closesOn: s.closes_on })
      : today < s.opens_on
        ? reason('SURVEY_OPENS_ON', { opensOn: s.opens_on })
        : null;
  if (why) throw new AppError('SURVEY_NOT_OPEN', why);
  if (slot.answered) throw new AppError('SURVEY_ALREADY_ANSWERED', reason('SURVEY_ANSWERED_ALREADY'));
}

function answerErrors(problems: readonly { questionId: string; reason: Reason }[]) {
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0]!.reason, { errors: problems.map((p) => fieldError(`answers.${p.questionId}`, p.reason)) });
}

/** Saves what I typed so far (checked as incomplete answers); per-city surveys keep one draft per city, shared by its representatives. */
export async function saveDraft(db: Db, input: { id: string; body: { cityId: string | null; answers: SurveyAnswers }; user: CurrentUser; now: Date }): Promise<{ savedAt: string }> {
  const slot = await slotFor(db, input.user, input.id, input.body.cityId);
  checkOpen(slot, input.now);
  answerErrors(checkAnswers(slot.survey.definition, input.body.answers, { complete: false }));
  const key = slot.city ? { city_id: slot.city.id, person_id: null } : { city_id: null, person_id: input.user.id };
  await sql`
    INSERT INTO survey_drafts (survey_id, city_id, person_id, answers, saved_by, saved_at)
    VALUES (${slot.survey.id}, ${key.city_id}, ${key.person_id}, ${JSON.stringify(input.body.answers)}::jsonb, ${input.user.id}, ${input.now})
    ON CONFLICT (survey_id, coalesce(city_id, person_id))
    DO UPDATE SET answers = excluded.answers, saved_by = excluded.saved_by, saved_at = excluded.saved_at`.execute(db);
  return { savedAt: input.now.toISOString() };
}

/** City pickers must name cities of the registry (400 otherwise). */
async function checkCityPickers(db: Q, slot: Slot, answers: SurveyAnswers) {
  const problems: { questionId: string; reason: Reason }[] = [];
  const asked = visibleQuestions(slot.survey.definition, answers).filter((q) => q.type === 'city' && typeof answers[q.id] === 'string');
  const ids = asked.map((q) => answers[q.id] as string);
  const valid = ids.filter((id) => UUID.test(id));
  const known = new Set(valid.length ? (await db.selectFrom('cities').select('id').where('id', 'in', valid).execute()).map((c) => c.id) : []);
  for (const q of asked) if (!known.has(answers[q.id] as string)) problems.push({ questionId: q.id, reason: reason('SURVEY_ANSWER_CITY_UNKNOWN') });
  answerErrors(problems);
}

interface Prepared {
  answers: SurveyAnswers;
  rows: ReturnType<typeof answerRows>;
  segment: { country: string | null; city_kind: 'mission' | 'aspiring' | null; population_band: ReturnType<typeof populationBand> };
  today: string;
}

async function insertResponse(trx: Q, slot: Slot, p: Prepared, named: { personId: string; cityId: string | null; key: string } | null): Promise<string | null> {
  const inserted = await sql<{ id: string }>`
    INSERT INTO survey_responses (survey_id, person_id, city_id, respondent_key, country, city_kind, population_band, programme_id, answers, submitted_on)
    VALUES (${slot.survey.id}, ${named?.personId ?? null}, ${named?.cityId ?? null}, ${named?.key ?? null}, ${p.segment.country}, ${p.segment.city_kind},
            ${p.segment.population_band}, ${slot.survey.programme_id}, ${JSON.stringify(p.answers)}::jsonb, ${p.today})
    ON CONFLICT (survey_id, respondent_key) DO NOTHING
    RETURNING id`.execute(trx);
  const id = inserted.rows[0]?.id ?? null;
  if (id && p.rows.length) {
    await trx
      .insertInto('survey_answers')
      .values(p.rows.map((r) => ({ response_id: id, survey_id: slot.survey.id, question_id: r.questionId, item: r.item, choice: r.choice, number: r.number, text_value: r.textValue })))
      .execute();
  }
  return id;
}

/** Marks the invitation(s) answered (every representative's, for a city) and deletes the draft. */
async function markAnswered(trx: Q, slot: Slot, personId: string) {
  let up = trx.updateTable('survey_invitations').set({ answered: true }).where('survey_id', '=', slot.survey.id);
  up = slot.city ? up.where('city_id', '=', slot.city.id) : up.where('person_id', '=', personId);
  await up.execute();
  let del = trx.deleteFrom('survey_drafts').where('survey_id', '=', slot.survey.id);
  del = slot.city ? del.where('city_id', '=', slot.city.id) : del.where('person_id', '=', personId);
  await del.execute();
}

/**
 * Submits my answer (or my city's): checked complete, city pickers checked
 * against the registry, only the visible questions' answers kept, with the
 * rows results count and the segment of the city (country, kind, population
 * band) and the survey's programme. One answer per city or person, also
 * when two arrive at once. Named: one transaction, which also writes the
 * city's priorities for a support-needs survey and the audit entry.
 * Anonymous: see submitAnonymously.
 */
export async function submitAnswers(db: Db, input: { id: string; body: { cityId: string | null; answers: SurveyAnswers }; user: CurrentUser; now: Date; ip: string }): Promise<{ submittedOn: string }> {
  const slot = await slotFor(db, input.user, input.id, input.body.cityId);
  checkOpen(slot, input.now);
  const definition = slot.survey.definition;
  answerErrors(checkAnswers(definition, input.body.answers, { complete: true }));
  const answers = keepVisibleAnswers(definition, input.body.answers);
  await checkCityPickers(db, slot, answers);
  const city = slot.segmentCityId ? await db.selectFrom('cities').select(['country', 'kind', 'population']).where('id', '=', slot.segmentCityId).executeTakeFirst() : undefined;
  const prepared: Prepared = {
    answers,
    rows: answerRows(definition, answers),
    segment: { country: city?.country ?? null, city_kind: city?.kind ?? null, population_band: populationBand(city?.population ?? null) },
    today: surveyToday(input.now),
  };
  if (slot.survey.anonymous) await submitAnonymously(db, slot, prepared, input.user.id);
  else await submitNamed(db, slot, prepared, input);
  return { submittedOn: prepared.today };
}

const alreadyAnswered = () => new AppError('SURVEY_ALREADY_ANSWERED', reason('SURVEY_ANSWERED_ALREADY'));

async function submitNamed(db: Db, slot: Slot, p: Prepared, input: { user: CurrentUser; ip: string; now: Date }) {
  const userId = input.user.id;
  await db.transaction().execute(async (trx) => {
    const named = slot.city ? { personId: userId, cityId: slot.city.id, key: `city:${slot.city.id}` } : { personId: userId, cityId: slot.segmentCityId, key: `person:${userId}` };
    // The unique respondent key makes a second answer (at the same time, too) a conflict.
    const responseId = await insertResponse(trx, slot, p, named);
    if (!responseId) throw alreadyAnswered();
    await markAnswered(trx, slot, userId);
    if (slot.survey.template === 'support-needs' && named.cityId) {
      const priorities = prioritiesFromAnswers(p.answers);
      if (priorities) {
        await trx
          .insertInto('city_priorities')
          .values({ city_id: named.cityId, sectors: priorities.sectors, levers: priorities.levers, survey_id: slot.survey.id, response_id: responseId, answered_on: p.today, updated_at: input.now })
          .onConflict((oc) =>
            oc.column('city_id').doUpdateSet((eb) => ({
              sectors: eb.ref('excluded.sectors'),
              levers: eb.ref('excluded.levers'),
              survey_id: eb.ref('excluded.survey_id'),
              response_id: eb.ref('excluded.response_id'),
              answered_on: eb.ref('excluded.answered_on'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
    }
    await recordAudit(trx, {
      actorId: userId,
      action: 'survey.answer',
      entityType: 'survey',
      entityId: slot.survey.id,
      ip: input.ip,
      details: { responseId, cityId: named.cityId },
    });
  });
}

/**
 * An anonymous answer, stored so that nothing in the database leads from
 * it to its person (docs/decisions/0036-survey-anonymity.md): the response
 * carries no person, city or respondent key, only the segment and the day.
 * On one connection, under a session-level advisory lock on the respondent
 * (the city or the person: two answers at once wait for each other):
 * check not answered; a first transaction writes the response and its
 * answer rows; a second one marks the invitations answered and deletes the
 * draft. Two transactions, so the rows do not share a transaction id
 * (xmin); no row lock is taken (FOR UPDATE would write the locker's
 * transaction id into the invitation); no audit entry names the person.
 */
async function submitAnonymously(db: Db, slot: Slot, p: Prepared, personId: string) {
  const respondent = slot.city ? `city:${slot.city.id}` : `person:${personId}`;
  await db.connection().execute(async (conn) => {
    const lockKey = sql`hashtext(${`survey:${slot.survey.id}`}), hashtext(${respondent})`;
    await sql`SELECT pg_advisory_lock(${lockKey})`.execute(conn);
    try {
      let answered = conn.selectFrom('survey_invitations').select('person_id').where('survey_id', '=', slot.survey.id).where('answered', '=', true);
      answered = slot.city ? answered.where('city_id', '=', slot.city.id) : answered.where('person_id', '=', personId);
      if (await answered.limit(1).executeTakeFirst()) throw alreadyAnswered();
      await conn.transaction().execute(async (trx) => {
        await insertResponse(trx, slot, p, null);
      });
      await conn.transaction().execute(async (trx) => markAnswered(trx, slot, personId));
    } finally {
      await sql`SELECT pg_advisory_unlock(${lockKey})`.execute(conn);
    }
  });
}
