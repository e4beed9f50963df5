import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reason } from '../../../shared/reason-texts.ts';
import { i18next } from '../../lib/i18n.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { NewProgrammePage } from './new-programme.page.tsx';

const t = i18next.t;

describe('the new-programme form (issue 17)', () => {
  it('keeps an out-of-range year as typed and says the limit in the person’s words, sending nothing', async () => {
    const api = mockApi({ 'GET /api/session': { body: sessionOf([{ role: 'programme_manager', cityId: null, cityName: null, primaryContact: false }]) } });
    const { user } = renderPage(<NewProgrammePage />);
    const year = screen.getByRole('textbox', { name: new RegExp(t('programmes.fields.editionYear')) });
    await user.clear(year);
    await user.type(year, '1999');
    await user.tab();
    // Mantine clamped on blur: 1999 silently became 2020.
    expect(year).toHaveValue('1999');
    await user.click(screen.getByRole('button', { name: t('programmes.create.submit') }));
    expect(year).toHaveAccessibleDescription(expect.stringContaining(reasonText(reason('NUMBER_TOO_SMALL', { min: 2020 }))));
    expect(year).toHaveFocus();
    expect(api.sent()).toEqual([]);
  });
});
