import { z } from 'zod';
import { SectorCode } from './city.schemas.ts';
import { LeverCode, SolutionCity } from './solution.schemas.ts';
import { Instant, text } from './text.ts';

// Answers become knowledge (issue 21, docs/support.md "Knowledge"): an
// answered request is published, with the city's consent and the personal
// data removed, as a question-and-answer entry of the library.

/** The public texts of an entry (personal data removed, edited by a programme manager). */
export const PublishedAnswerTexts = z.object({
  title: text().trim().min(5, 'Give the entry a title of at least 5 characters.').max(200),
  question: text().trim().min(20, 'Write the question in at least 20 characters.').max(5000),
  answer: text().trim().min(20, 'Write the answer in at least 20 characters.').max(20_000),
});
export type PublishedAnswerTexts = z.infer<typeof PublishedAnswerTexts>;

/** What a request's page shows of its way into the library. */
export const SupportPublication = z.object({
  /** The city's consent, while given. */
  consent: z.object({ by: text().nullable(), at: Instant }).nullable(),
  /** The entry's texts: as last saved, or pre-filled from the request with the personal data removed. */
  draft: z.object({ title: text(), question: text(), answer: text(), sectors: z.array(SectorCode), levers: z.array(LeverCode) }),
  /** The public entry's id while published. */
  publishedId: z.uuid().nullable(),
  publishedAt: Instant.nullable(),
  /** 0 before the city first consents. */
  version: z.number().int().min(0),
  can: z.object({ consent: z.boolean(), withdrawConsent: z.boolean(), publish: z.boolean(), unpublish: z.boolean() }),
});
export type SupportPublication = z.infer<typeof SupportPublication>;

export const PublicationConsent = z.object({ consent: z.boolean(), version: z.number().int().min(0) });
export type PublicationConsent = z.infer<typeof PublicationConsent>;

export const PublishAnswer = PublishedAnswerTexts.extend({ version: z.number().int().min(1) });
export type PublishAnswer = z.infer<typeof PublishAnswer>;

export const UnpublishAnswer = z.object({ version: z.number().int().min(1) });
export type UnpublishAnswer = z.infer<typeof UnpublishAnswer>;

/** A published question and answer, as anyone reads it. */
export const PublishedAnswer = PublishedAnswerTexts.extend({
  id: z.uuid(),
  sectors: z.array(SectorCode),
  levers: z.array(LeverCode),
  city: SolutionCity,
  publishedAt: Instant,
});
export type PublishedAnswer = z.infer<typeof PublishedAnswer>;

export const PublishedAnswerParams = z.object({ id: text().uuid() });

/*
 * The API (all JSON; errors are problem+json):
 *   GET  /api/support-requests/:id/publication          → SupportPublication (whoever sees the request)
 *   PUT  /api/support-requests/:id/publication/consent  PublicationConsent → SupportPublication (the city's representatives;
 *        withdrawing after publication: 409)
 *   POST /api/support-requests/:id/publication          PublishAnswer → SupportPublication (programme managers; without
 *        the city's consent 409 PUBLICATION_CONSENT_REQUIRED)
 *   POST /api/support-requests/:id/publication/unpublish UnpublishAnswer → SupportPublication (programme managers)
 *   GET  /api/published-answers/:id                     → PublishedAnswer (public)
 * The library's search (GET /api/solutions) finds published answers too (kind=answer).
 */
