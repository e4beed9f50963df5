import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueReason } from './issue-reason.ts';
import { englishText } from './reason-texts.ts';

// Issue 17: "Too big: expected string to have <=200 characters" reached people.
// Every shared schema (the ones forms check before sending and the server
// applies) is run with out-of-range and mistyped data; every issue must come
// out as a catalogue sentence, never zod's default English, and a bound says its limit.

/** zod's own English messages (locales/en): what must never reach a person. */
const ZOD_DEFAULTS = /Too (big|small)|Invalid (input|option|string|email|url|UUID|element|key|value|ISO)|expected |Unrecognized key|must (be|have)|received |Number must|String must|Required$/i;

type Def = { type: string; checks?: { _zod: { def: { check: string; maximum?: number } } }[]; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
/** One past the schema's own maximum length, so a bound is crossed without megabytes of data. */
const pastMax = (def: Def, otherwise: number) => {
  const maxima = (def.checks ?? []).flatMap((c) => (c._zod.def.check === 'max_length' && c._zod.def.maximum !== undefined ? [c._zod.def.maximum] : []));
  return maxima.length ? Math.min(...maxima) + 1 : otherwise;
};

/** Values that break a schema in each way it can break; `variant` picks which. */
function bad(schema: unknown, variant: number, depth = 0): unknown {
  if (depth > 8) return undefined;
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, bad(field, variant, depth + 1)]));
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return bad(def.innerType, variant, depth + 1);
    case 'pipe':
      return bad(def.in, variant, depth + 1);
    case 'lazy':
      return bad((def.getter as () => unknown)(), variant, depth + 1);
    case 'string':
      return ['', 'x'.repeat(pastMax(def, 100)), 42, ' not an address @ ', undefined][variant % 5];
    case 'number':
    case 'int':
      return [-1e12, 1e12, 1.5, 'twelve', undefined][variant % 5];
    case 'boolean':
      return [undefined, 'yes', 1, null, 'no'][variant % 5];
    case 'date':
      return [new Date('1900-01-01'), new Date('2999-01-01'), 'someday', 3, undefined][variant % 5];
    case 'array': {
      if (variant === 1) {
        // Too many, each small (variant 0 of the element), so nested lists stay small.
        const element = bad(def.element, 0, depth + 1);
        return Array.from({ length: pastMax(def, 2) }, () => element);
      }
      return [[], [], 'list', [bad(def.element, variant, depth + 1)], undefined][variant % 5];
    }
    case 'record':
      return [{ x: bad(def.valueType, variant, depth + 1) }, 'record', 1, null, undefined][variant % 5];
    case 'union':
      return bad((def.options as unknown[])[variant % (def.options as unknown[]).length], variant, depth + 1);
    case 'enum':
    case 'literal':
      return ['not-an-option', 7, '', null, undefined][variant % 5];
    default:
      return [undefined, 'x', 1, null, {}][variant % 5];
  }
}

const SHARED = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(SHARED).filter((f) => f.endsWith('.schemas.ts') || f === 'pagination.ts');

describe('schema issues said for people', () => {
  it('never gives zod’s default English for any shared schema, and names the limit of a bound', async () => {
    let schemas = 0;
    const codes = new Set<string>();
    for (const file of files) {
      const module = (await import(`./${file}`)) as Record<string, unknown>;
      for (const [name, exported] of Object.entries(module)) {
        if (!(exported instanceof z.ZodType)) continue;
        schemas += 1;
        for (let variant = 0; variant < 5; variant += 1) {
          const parsed = exported.safeParse(bad(exported, variant));
          if (parsed.success) continue;
          for (const issue of parsed.error.issues) {
            const why = issueReason(issue);
            const text = englishText(why);
            codes.add(why.code);
            expect(text, `${file} ${name} [${issue.code}] ${issue.message}`).not.toMatch(ZOD_DEFAULTS);
            expect(text, `${file} ${name} [${issue.code}] ${issue.message}`).not.toMatch(/\{\{/);
            if (issue.code === 'too_big' || (issue.code === 'too_small' && Number(issue.minimum) > 1)) expect(why.params, `${file} ${name}: ${text}`).toBeDefined();
          }
        }
      }
    }
    expect(schemas).toBeGreaterThan(50);
    // The data reached every kind of bound and type.
    for (const code of ['FIELD_REQUIRED', 'TEXT_TOO_LONG', 'NUMBER_TOO_SMALL', 'NUMBER_TOO_BIG', 'LIST_TOO_LONG', 'WHOLE_NUMBER_EXPECTED', 'NUMBER_EXPECTED', 'CHOICE_INVALID', 'EMAIL_INVALID']) expect(codes, code).toContain(code);
  });

  it('says each kind of issue with its limit', () => {
    const say = (schema: z.ZodType, value: unknown) => englishText(issueReason(schema.safeParse(value).error?.issues[0] ?? ({} as z.core.$ZodIssue)));
    expect(say(z.string().max(200), 'x'.repeat(201))).toBe('Use at most 200 characters.');
    expect(say(z.string().min(3), 'ab')).toBe('Use at least 3 characters.');
    expect(say(z.string().min(1), '')).toBe('Fill in this field.');
    expect(say(z.number().int().min(2000).max(2100), 1999)).toBe('Enter a number of at least 2000.');
    expect(say(z.number().int().min(2000).max(2100), 2101)).toBe('Enter a number of at most 2100.');
    expect(say(z.number().positive(), 0)).toBe('Enter a number greater than 0.');
    expect(say(z.number().int(), 1.5)).toBe('Enter a whole number.');
    expect(say(z.number(), 'x')).toBe('Enter a number.');
    expect(say(z.number(), undefined)).toBe('Fill in this field.');
    expect(say(z.array(z.string()).min(1), [])).toBe('Choose or add at least one.');
    expect(say(z.array(z.string()).max(3), ['a', 'b', 'c', 'd'])).toBe('Choose or add at most 3.');
    expect(say(z.date().min(new Date('2027-05-01')), new Date('2027-04-30'))).toBe('Choose a date on or after 2027-05-01.');
    expect(say(z.date().max(new Date('2027-06-30')), new Date('2027-07-01'))).toBe('Choose a date on or before 2027-06-30.');
    expect(say(z.email(), 'nope')).toBe('Enter a valid email address, like name@city.eu.');
    expect(say(z.url(), 'nope')).toBe('Enter a full web address, starting with https://.');
    expect(say(z.iso.date(), '2027-13-01')).toBe('Enter a valid date.');
    expect(say(z.enum(['a', 'b']), 'c')).toBe('Choose one of the options offered.');
    expect(say(z.number().multipleOf(5), 7)).toBe('Enter a multiple of 5.');
  });
});
