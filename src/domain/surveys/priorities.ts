import { SectorCode } from '../../shared/city.schemas.ts';
import { LeverCode } from '../../shared/solution.schemas.ts';
import type { SurveyAnswers } from '../../shared/survey.schemas.ts';
import { PRIORITY_LEVERS_QUESTION, PRIORITY_SECTORS_QUESTION } from './templates.ts';

/**
 * A city's priority sectors and levers from its answer to a survey made from
 * the support-needs template; null when the answer names neither.
 */
export function prioritiesFromAnswers(answers: SurveyAnswers): { sectors: SectorCode[]; levers: LeverCode[] } | null {
  const pick = <T extends string>(value: unknown, allowed: readonly T[]): T[] => {
    const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return values.filter((v): v is T => (allowed as readonly string[]).includes(v));
  };
  const sectors = pick(answers[PRIORITY_SECTORS_QUESTION], SectorCode.options);
  const levers = pick(answers[PRIORITY_LEVERS_QUESTION], LeverCode.options);
  return sectors.length || levers.length ? { sectors, levers } : null;
}
