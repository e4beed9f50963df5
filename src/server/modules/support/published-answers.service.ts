import { redactPersonalData } from '../../../domain/support/redact.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { SectorCode } from '../../../shared/city.schemas.ts';
import type { PublicationConsent, PublishAnswer, PublishedAnswer, SupportPublication, UnpublishAnswer } from '../../../shared/published-answers.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { LeverCode } from '../../../shared/solution.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { notify, programmeTeam, representativesOf } from '../notifications/notify.ts';
import { seesRequest, type SupportViewer } from './support-access.ts';
import { supportRequestPath, supportRequestUrl } from './support-emails.ts';
import { requestById, type RequestRow } from './support.repository.ts';
import { viewerOf } from './support.service.ts';
import { answerTexts, namesOnRequest, personName, publicationOf, publishedAnswerById } from './published-answers.repository.ts';

// Answers become knowledge (docs/support.md, "Knowledge"). The city's
// representatives consent (or withdraw, before publication); a programme
// manager prepares the entry from the request with the personal data
// removed, edits it and publishes it; the library finds it with the
// solutions. Managers only publish: the library speaks for the programme,
// and the expert is one of the people whose name the entry must not carry.

type Publication = NonNullable<Awaited<ReturnType<typeof publicationOf>>>;

const notFound = () => new AppError('NOT_FOUND', reason('SUPPORT_REQUEST_NOT_FOUND'));
const stale = () => new AppError('CONFLICT', reason('PUBLICATION_CHANGED'));
const iso = (d: Date | string) => new Date(d).toISOString();

/** Answered (or closed after an answer): there is something to publish. */
const publishable = (row: RequestRow) => row.state === 'answered' || row.state === 'closed';

export const publishedAnswerPath = (id: string) => `/library/answers/${id}`;

function canOf(row: RequestRow, pub: Publication | undefined, viewer: SupportViewer): SupportPublication['can'] {
  const city = viewer.cityIds.includes(row.city_id);
  const consented = !!pub?.consent_at;
  const published = !!pub?.published_at;
  return {
    consent: city && publishable(row) && !consented,
    withdrawConsent: city && consented && !published,
    publish: viewer.isManager && consented && publishable(row),
    unpublish: viewer.isManager && published,
  };
}

/** The entry's texts: as saved, or pre-filled from the request with emails, phone numbers and the names of the people on it removed. */
async function draftOf(db: Db, row: RequestRow, pub: Publication | undefined): Promise<SupportPublication['draft']> {
  const topics = { sectors: row.sectors as SectorCode[], levers: row.levers as LeverCode[] };
  if (pub && pub.title) return { title: pub.title, question: pub.question, answer: pub.answer, ...topics };
  const [names, answers] = await Promise.all([namesOnRequest(db, row.id), answerTexts(db, row.id)]);
  const clean = (s: string) => redactPersonalData(s, names);
  return { title: clean(row.title), question: clean(row.question), answer: clean(answers.join('\n\n')).slice(0, 20_000), ...topics };
}

async function present(db: Db, row: RequestRow, viewer: SupportViewer): Promise<SupportPublication> {
  const pub = await publicationOf(db, row.id);
  return {
    consent: pub?.consent_at ? { by: await personName(db, pub.consent_by), at: iso(pub.consent_at) } : null,
    draft: await draftOf(db, row, pub),
    publishedId: pub?.published_at ? pub.id : null,
    publishedAt: pub?.published_at ? iso(pub.published_at) : null,
    version: pub?.version ?? 0,
    can: canOf(row, pub, viewer),
  };
}

/** What the request's page shows of its way into the library; 404 when the request is not the caller's to see. */
export async function readPublication(db: Db, input: { id: string; user: CurrentUser }): Promise<SupportPublication> {
  const viewer = viewerOf(input.user);
  const row = await requestById(db, input.id);
  if (!row || !seesRequest({ cityId: row.city_id, expertId: row.expert_id }, viewer)) throw notFound();
  return present(db, row, viewer);
}

type Input = { id: string; user: CurrentUser; now: Date; ip: string; publicUrl: string };

/**
 * The city's representatives consent to publishing an answered request, or
 * withdraw their consent before it is published (409 after). The managers
 * are told when consent is given: there is something to prepare.
 */
export async function setConsent(db: Db, input: Input & { body: PublicationConsent }): Promise<SupportPublication> {
  const viewer = viewerOf(input.user);
  await db.transaction().execute(async (trx) => {
    const row = await requestById(trx, input.id, true);
    // Only the city decides; to anyone else its request does not exist.
    if (!row || !viewer.cityIds.includes(row.city_id)) throw notFound();
    const pub = await publicationOf(trx, row.id, true);
    if ((pub?.version ?? 0) !== input.body.version) throw stale();
    if (input.body.consent) {
      if (!publishable(row)) throw new AppError('CONFLICT', reason('PUBLICATION_NOT_ANSWERED'));
      if (pub?.consent_at) return;
      if (pub) {
        await trx.updateTable('support_publications').set((eb) => ({ consent_by: input.user.id, consent_at: input.now, updated_at: input.now, version: eb('version', '+', 1) })).where('id', '=', pub.id).execute();
      } else {
        await trx.insertInto('support_publications').values({ request_id: row.id, city_id: row.city_id, consent_by: input.user.id, consent_at: input.now, updated_at: input.now }).execute();
      }
      await recordAudit(trx, { actorId: input.user.id, action: 'support_request.publication_consent', entityType: 'support_request', entityId: row.id, ip: input.ip, details: { consent: true } });
      await notify(trx, {
        kind: 'support',
        personIds: (await programmeTeam(trx)).filter((id) => id !== input.user.id),
        title: `${row.city_name} consents to publishing “${row.title}” in the library`,
        link: supportRequestPath(row.id),
        email: (r) => ({
          subject: `${row.city_name} consents to publishing “${row.title}”`,
          text: `Hello ${r.name},\n\n${row.city_name} consents to publishing its answered request “${row.title}” in the library. Prepare the entry (the personal data is removed for you; read it) and publish it: ${supportRequestUrl(input.publicUrl, row.id)}\n`,
        }),
      });
      return;
    }
    if (!pub?.consent_at) return;
    if (pub.published_at) throw new AppError('CONFLICT', reason('PUBLICATION_WITHDRAW_PUBLISHED'));
    await trx.updateTable('support_publications').set((eb) => ({ consent_by: null, consent_at: null, updated_at: input.now, version: eb('version', '+', 1) })).where('id', '=', pub.id).execute();
    await recordAudit(trx, { actorId: input.user.id, action: 'support_request.publication_consent', entityType: 'support_request', entityId: row.id, ip: input.ip, details: { consent: false } });
  });
  return readPublication(db, input);
}

/**
 * A programme manager publishes the entry (or saves a published one again)
 * with the texts they edited; without the city's consent 409
 * PUBLICATION_CONSENT_REQUIRED. The city's representatives are told, in
 * the same transaction.
 */
export async function publishAnswer(db: Db, input: Input & { body: PublishAnswer }): Promise<SupportPublication> {
  const viewer = viewerOf(input.user);
  await db.transaction().execute(async (trx) => {
    const row = await requestById(trx, input.id, true);
    if (!row || !seesRequest({ cityId: row.city_id, expertId: row.expert_id }, viewer)) throw notFound();
    const pub = await publicationOf(trx, row.id, true);
    if (!pub?.consent_at) throw new AppError('PUBLICATION_CONSENT_REQUIRED', reason('PUBLICATION_CONSENT_MISSING'));
    if (pub.version !== input.body.version) throw stale();
    if (!publishable(row)) throw new AppError('CONFLICT', reason('PUBLICATION_NOT_ANSWERED'));
    const first = !pub.published_at;
    const { title, question, answer } = input.body;
    const published = await trx
      .updateTable('support_publications')
      .set((eb) => ({
        title,
        question,
        answer,
        sectors: row.sectors,
        levers: row.levers,
        published_by: input.user.id,
        published_at: pub.published_at ?? input.now,
        updated_at: input.now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', pub.id)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: input.user.id, action: 'support_request.publish', entityType: 'support_request', entityId: row.id, ip: input.ip, details: { entry: published.id, first } });
    if (!first) return;
    const url = `${input.publicUrl}${publishedAnswerPath(published.id)}`;
    await notify(trx, {
      kind: 'support',
      personIds: (await representativesOf(trx, [row.city_id])).filter((id) => id !== input.user.id),
      title: `Your question is in the library: ${title}`,
      body: 'Published with your consent, without personal data.',
      link: publishedAnswerPath(published.id),
      email: (r) => ({
        subject: `Your question is in the library: ${title}`,
        text: `Hello ${r.name},\n\nWith your city's consent, the request “${row.title}” and its answer are now in the library as “${title}”, without personal data: ${url}\n`,
      }),
    });
  });
  return readPublication(db, input);
}

/** A programme manager takes the entry out of the library; it stays prepared, and the city may withdraw its consent again. */
export async function unpublishAnswer(db: Db, input: Input & { body: UnpublishAnswer }): Promise<SupportPublication> {
  const viewer = viewerOf(input.user);
  await db.transaction().execute(async (trx) => {
    const row = await requestById(trx, input.id, true);
    if (!row || !seesRequest({ cityId: row.city_id, expertId: row.expert_id }, viewer)) throw notFound();
    const pub = await publicationOf(trx, row.id, true);
    if (!pub?.published_at) throw new AppError('CONFLICT', reason('PUBLICATION_NOT_PUBLISHED'));
    if (pub.version !== input.body.version) throw stale();
    await trx.updateTable('support_publications').set((eb) => ({ published_at: null, published_by: null, updated_at: input.now, version: eb('version', '+', 1) })).where('id', '=', pub.id).execute();
    await recordAudit(trx, { actorId: input.user.id, action: 'support_request.unpublish', entityType: 'support_request', entityId: row.id, ip: input.ip, details: { entry: pub.id } });
  });
  return readPublication(db, input);
}

/** A published question and answer, for anyone. */
export async function readPublishedAnswer(db: Db, id: string): Promise<PublishedAnswer> {
  const row = await publishedAnswerById(db, id);
  if (!row) throw new AppError('NOT_FOUND', reason('PUBLISHED_ANSWER_NOT_FOUND'));
  return {
    id: row.id,
    title: row.title,
    question: row.question,
    answer: row.answer,
    sectors: row.sectors as SectorCode[],
    levers: row.levers as LeverCode[],
    city: { id: row.city_id, slug: row.city_slug, name: row.city_name, country: row.city_country, kind: row.city_kind },
    publishedAt: iso(row.published_at),
  };
}
