import { describe, expect, it } from 'vitest';
import { fillTemplate } from './reason.ts';
import { REASON_TEXTS, englishText, reason } from './reason-texts.ts';

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

  it('renders a reason in English, and an unknown code as itself', () => {
    expect(englishText(reason('PROGRAMME_NOT_FOUND', { slug: 'gsv-2027' }))).toBe('There is no programme “gsv-2027”.');
    expect(englishText({ code: 'SOMETHING_NEW' })).toBe('SOMETHING_NEW');
  });
});
