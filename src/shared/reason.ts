import { z } from 'zod';
import { text } from './text.ts';

/** Values a reason's text may show: names, dates as ISO strings, counts. */
export const ReasonParams = z.record(text(), z.union([text(), z.number()]));
export type ReasonParams = z.infer<typeof ReasonParams>;

/**
 * Why a rule said no (or warns), as a stable code with parameters rather than
 * a sentence: domain rules and services return reasons, problem+json carries
 * them, the web app shows them translated (`reasons.<code>`), and API clients
 * read the English text beside them (src/shared/reason-texts.ts).
 */
export const Reason = z.object({
  code: text().min(1).max(80),
  params: ReasonParams.optional(),
});
export type Reason = z.infer<typeof Reason>;

/** Fills `{{name}}` placeholders, i18next's syntax, so the server and the web app read the same English texts. */
export function fillTemplate(template: string, params: ReasonParams = {}): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
