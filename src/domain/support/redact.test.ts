import { describe, expect, it } from 'vitest';
import { redactPersonalData } from './redact.ts';

describe('redactPersonalData', () => {
  it('removes email addresses', () => {
    expect(redactPersonalData('Write to marta.kowalska@krakow.pl or heat+fund@mpec.krakow.pl today.', [])).toBe(
      'Write to [email removed] or [email removed] today.',
    );
  });

  it('removes phone numbers, international and national, and keeps amounts, years and dates', () => {
    expect(redactPersonalData('Call +48 12 345 67 89, 0048-12-345-67-89 or (012) 345 67 89.', [])).toBe(
      'Call [phone removed], [phone removed] or [phone removed].',
    );
    expect(redactPersonalData('A loan of 12 000 000 EUR in 2027, paid back by 2035-12-31; 40 % from the EIB.', [])).toBe(
      'A loan of 12 000 000 EUR in 2027, paid back by 2035-12-31; 40 % from the EIB.',
    );
    // Too few digits for a phone number.
    expect(redactPersonalData('Room 0 12-34.', [])).toBe('Room 0 12-34.');
  });

  it('removes the names of the people on the request, whole or in part, in any case, as whole words only', () => {
    const names = ['Marta Kowalska', 'Sofia Rossi'];
    expect(redactPersonalData('Marta Kowalska asked; Sofia Rossi answered. Thanks, Marta! — ROSSI', names)).toBe(
      '[name removed] asked; [name removed] answered. Thanks, [name removed]! — [name removed]',
    );
    // Part of a longer word is not a name: "Martabak" stays.
    expect(redactPersonalData('Martabak and Rossini stay.', names)).toBe('Martabak and Rossini stay.');
    // Letters outside ASCII are letters: no match inside "Łukasz".
    expect(redactPersonalData('Łukasz Żak met Łukasz.', ['Łukasz Żak'])).toBe('[name removed] met [name removed].');
  });

  it('keeps short name parts that are ordinary words, and reads regex characters in names literally', () => {
    expect(redactPersonalData('Jan de Vries wrote to de gemeente.', ['Jan de Vries'])).toBe('[name removed] wrote to de gemeente.');
    expect(redactPersonalData('Met Li Wei, and Li.', ['Li Wei'])).toBe('Met [name removed], and Li.');
    // "K." is literal: "KX" is not the name.
    expect(redactPersonalData('A. K. wrote; AXKX did not.', ['A. K.'])).toBe('[name removed] wrote; AXKX did not.');
  });

  it('leaves a text without personal data as it is', () => {
    const text = 'How can a city finance the renovation of its district heating network?';
    expect(redactPersonalData(text, ['Marta Kowalska'])).toBe(text);
  });
});
