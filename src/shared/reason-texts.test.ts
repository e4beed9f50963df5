import { describe, expect, it } from 'vitest';
import { fillTemplate } from './reason.ts';
import { REASON_AREAS, REASON_TEXTS, englishText, reason } from './reason-texts.ts';

describe('reasons', () => {
  it('fills the placeholders of a text and leaves unknown ones visible', () => {
    expect(fillTemplate('Use at most {{max}} characters (now {{ length }}).', { max: 300, length: 312 })).toBe('Use at most 300 characters (now 312).');
    expect(fillTemplate('Closed on {{date}}.', {})).toBe('Closed on {{date}}.');
  });

  it('gives every code an English sentence whose placeholders are plain names', () => {
    for (const [code, text] of Object.entries(REASON_TEXTS)) {
      expect(code, code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(text.trim().length, code).toBeGreaterThan(0);
      for (const [, name] of text.matchAll(/\{\{([^}]*)\}\}/g)) expect(name?.trim(), `${code}: {{${name}}}`).toMatch(/^[a-zA-Z][\w.]*$/);
    }
  });

  it('writes each code in one area only (a second one would silently win)', () => {
    const areasOf = new Map<string, string[]>();
    for (const [area, texts] of Object.entries(REASON_AREAS)) for (const code of Object.keys(texts)) areasOf.set(code, [...(areasOf.get(code) ?? []), area]);
    expect([...areasOf].filter(([, areas]) => areas.length > 1)).toEqual([]);
    expect(Object.keys(REASON_TEXTS)).toHaveLength(areasOf.size);
  });

  it('renders a reason in English, and an unknown code as itself', () => {
    expect(englishText(reason('PROGRAMME_NOT_FOUND', { slug: 'gsv-2027' }))).toBe('There is no programme “gsv-2027”.');
    expect(englishText({ code: 'SOMETHING_NEW' })).toBe('SOMETHING_NEW');
  });
});
