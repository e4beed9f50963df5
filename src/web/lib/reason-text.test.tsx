import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { fieldErrorsOf } from './form-errors.ts';
import { reasonText } from './reason-text.ts';

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('reasons in the person’s language', () => {
  it('shows a reason’s English text with its parameters', () => {
    expect(reasonText({ code: 'PROGRAMME_NOT_FOUND', params: { slug: 'gsv-2027' } })).toBe('There is no programme “gsv-2027”.');
  });

  it('uses the translation when the language has one', async () => {
    i18next.addResource('fr', 'translation', 'reasons.PROGRAMME_NOT_FOUND', 'Il n’y a pas de programme « {{slug}} ».');
    await i18next.changeLanguage('fr');
    expect(reasonText({ code: 'PROGRAMME_NOT_FOUND', params: { slug: 'gsv-2027' } })).toBe('Il n’y a pas de programme « gsv-2027 ».');
  });

  it('puts a field’s reason, translated, on the field; a field without one keeps the server’s words', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', null, [
      { field: 'body.slug', message: 'English from the server', reason: { code: 'PROGRAMME_NOT_FOUND', params: { slug: 'x' } } },
      { field: 'body.title', message: 'Too long.' },
    ]);
    expect(fieldErrorsOf(error)).toEqual({ slug: 'There is no programme “x”.', title: 'Too long.' });
  });
});
