// The English texts of the reasons of one area — expert support's knowledge (issue 21): answers published in the library, attachments of requests.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const KNOWLEDGE_REASONS = {
  // Publishing an answer (server/modules/support/published-answers.service.ts)
  PUBLICATION_CONSENT_MISSING: 'The city has not consented to publishing this request: ask its representatives first.',
  PUBLICATION_WITHDRAW_PUBLISHED: 'The answer is already in the library: ask a programme manager to unpublish it first.',
  PUBLICATION_NOT_ANSWERED: 'Only an answered or closed request can go into the library.',
  PUBLICATION_NOT_PUBLISHED: 'This answer is not in the library.',
  PUBLICATION_CHANGED: 'Someone changed this entry in the meantime: reload it and try again.',
  PUBLISHED_ANSWER_NOT_FOUND: 'There is no such question and answer in the library.',
  // Attachments of a request (server/modules/support/support-attachments.service.ts)
  SUPPORT_ATTACHMENTS_FULL: 'A request holds at most {{max}} files: remove one first.',
  SUPPORT_ATTACHMENT_NOT_FOUND: 'There is no such file on this request.',
} as const;
