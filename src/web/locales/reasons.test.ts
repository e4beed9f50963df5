import { describe, expect, it } from 'vitest';
import { REASON_TEXTS, isReasonCode } from '../../shared/reason-texts.ts';
import fr from './fr.json';

// Reasons keep their English in src/shared/reason-texts.ts; a language
// translates them under `reasons` in its file, and English covers the rest.

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

const languages: Record<string, Record<string, string>> = { fr: fr.reasons };

describe('translated reasons', () => {
  for (const [language, reasons] of Object.entries(languages)) {
    it(`${language}: translates only codes of the catalogue, with the same placeholders`, () => {
      expect(Object.keys(reasons).length).toBeGreaterThan(0);
      for (const [code, text] of Object.entries(reasons)) {
        expect(isReasonCode(code), `${language}: ${code} is not in REASON_TEXTS`).toBe(true);
        if (!isReasonCode(code)) continue;
        expect(placeholders(text), `${language}: ${code}`).toEqual(placeholders(REASON_TEXTS[code]));
      }
    });
  }
});
