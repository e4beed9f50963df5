import { describe, expect, it } from 'vitest';
import { UpdateCallBody } from '../../shared/programme.schemas.ts';
import { callOpenProblems } from './call-window.ts';
import { templateCallForm } from './call-template.ts';

describe('the template’s calls', () => {
  it.each(['host', 'visitor'] as const)('gives the %s call questions and weighted criteria the call form accepts, so it can open', (kind) => {
    const form = templateCallForm(kind);
    expect(UpdateCallBody.safeParse({ version: 1, ...form }).success).toBe(true);
    expect(callOpenProblems(kind, { questions: form.questions.length, criteria: form.criteria.length }, true)).toEqual([]);
    expect(form.questions.map((q) => q.type)).toEqual(expect.arrayContaining(['long_text', 'solutions', 'sectors', 'preferred_dates', 'single_choice']));
    expect(form.criteria.every((c) => c.weight > 0)).toBe(true);
  });

  it('asks visitors for their delegates, and both for the commitment to share', () => {
    expect(templateCallForm('visitor').questions.map((q) => q.id)).toEqual(['motivation', 'solutions', 'sectors', 'replication', 'team', 'delegates', 'dates', 'sharing']);
    expect(templateCallForm('host').questions.find((q) => q.id === 'sharing')?.required).toBe(true);
  });
});
