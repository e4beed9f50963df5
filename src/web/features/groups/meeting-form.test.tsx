import { reason } from '../../../shared/reason-texts.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Group, Meeting } from '../../../shared/group.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, problem, renderPage } from '../../test-support/render.tsx';
import { MeetingForm } from './meeting-form.tsx';

const t = i18next.t;
const GROUP_ID = '66666666-6666-4666-8666-666666666666';
const meetingsPath = `/api/groups/${GROUP_ID}/meetings`;
const phases: Group['phases'] = [
  { number: 1, title: 'Understand', goals: '', startsOn: '2027-01-01', endsOn: '2027-02-28' },
  { number: 2, title: 'Plan', goals: '', startsOn: '2027-03-01', endsOn: '2027-04-30' },
];

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return { id: '77777777-7777-4777-8777-777777777777', groupId: GROUP_ID, phaseNumber: 2, title: 'Financing retrofits', startsAt: '2027-03-15T13:30:00.000Z', durationMinutes: 60, joinUrl: null, agenda: '', ...overrides };
}

function setUp(routes: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({ 'GET /api/session': { body: sessionOf([{ role: 'facilitator', cityId: null, cityName: null, primaryContact: false }]) }, ...routes });
  const view = renderPage(<MeetingForm groupId={GROUP_ID} phases={phases} />);
  return { api, ...view };
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label.replace(/[()]/g, '\\$&')}`));
const submit = () => screen.getByRole('button', { name: t('groups.meetings.form.submit') });

describe('the meeting form', () => {
  it('sends the local date and time typed as one value, with the phase, duration, link and agenda', async () => {
    const { api, user } = setUp({ [`POST ${meetingsPath}`]: { body: meeting({ joinUrl: 'https://meet.example.org/plan' }) } });
    await user.selectOptions(field(t('groups.meetings.form.phase')), '2');
    await user.type(field(t('groups.meetings.form.title')), '  Financing retrofits ');
    await user.type(field(t('groups.meetings.form.date')), '2027-03-15');
    await user.clear(field(t('groups.meetings.form.time')));
    await user.type(field(t('groups.meetings.form.time')), '14:30');
    await user.clear(field(t('groups.meetings.form.duration')));
    await user.type(field(t('groups.meetings.form.duration')), '60');
    await user.type(field(t('groups.meetings.form.joinUrl')), ' https://meet.example.org/plan ');
    await user.type(field(t('groups.meetings.form.agenda')), 'Loans and grants.');
    await user.click(submit());

    expect(await screen.findByText(t('groups.meetings.form.scheduled', { title: 'Financing retrofits' }))).toBeInTheDocument();
    expect(api.sent()).toEqual([
      {
        method: 'POST',
        path: meetingsPath,
        body: { phaseNumber: 2, title: 'Financing retrofits', startsAtLocal: '2027-03-15T14:30', durationMinutes: 60, joinUrl: 'https://meet.example.org/plan', agenda: 'Loans and grants.' },
      },
    ]);
    // Ready for the next meeting of the same phase and day.
    expect(field(t('groups.meetings.form.title'))).toHaveValue('');
    expect(field(t('groups.meetings.form.agenda'))).toHaveValue('');
    expect(field(t('groups.meetings.form.date'))).toHaveValue('2027-03-15');
  });

  it('refuses a day outside the chosen phase on the date, and sends nothing', async () => {
    const { api, user } = setUp();
    await user.selectOptions(field(t('groups.meetings.form.phase')), '1');
    await user.type(field(t('groups.meetings.form.title')), 'Kick-off');
    await user.type(field(t('groups.meetings.form.date')), '2027-03-15');
    await user.click(submit());
    expect(field(t('groups.meetings.form.date'))).toHaveAccessibleDescription(
      expect.stringContaining(reasonText(reason('MEETING_AFTER_PHASE', { phase: 1, startsOn: '2027-01-01', endsOn: '2027-02-28' }))),
    );
    expect(api.sent()).toEqual([]);
  });

  it('says in words what is missing, once for the date and time, focuses the first field, and sends nothing', async () => {
    const { api, user } = setUp();
    await user.type(field(t('groups.meetings.form.joinUrl')), 'http://meet.example.org/plan');
    await user.click(submit());

    const title = field(t('groups.meetings.form.title'));
    expect(title).toHaveAccessibleDescription(expect.stringContaining(reasonText(reason('FIELD_REQUIRED'))));
    expect(title).toHaveFocus();
    expect(field(t('groups.meetings.form.date'))).toHaveAccessibleDescription(expect.stringContaining(t('groups.meetings.form.whenInvalid')));
    expect(field(t('groups.meetings.form.time'))).not.toHaveAttribute('aria-invalid');
    expect(field(t('groups.meetings.form.joinUrl'))).toHaveAccessibleDescription(expect.stringContaining(t('groups.meetings.form.httpsOnly')));
    expect(api.sent()).toEqual([]);

    // With a date but no time, the message moves to the time.
    await user.type(field(t('groups.meetings.form.date')), '2027-02-15');
    await user.clear(field(t('groups.meetings.form.time')));
    await user.click(submit());
    expect(field(t('groups.meetings.form.time'))).toHaveAccessibleDescription(expect.stringContaining(t('groups.meetings.form.whenInvalid')));
    expect(field(t('groups.meetings.form.date'))).not.toHaveAttribute('aria-invalid');
    expect(api.sent()).toEqual([]);

    // Editing a field takes its message away.
    await user.type(field(t('groups.meetings.form.title')), 'Kick-off');
    expect(field(t('groups.meetings.form.title'))).not.toHaveAttribute('aria-invalid');
  });

  it('puts the server’s field error on its field and focuses it', async () => {
    const { user } = setUp({ [`POST ${meetingsPath}`]: problem(400, 'VALIDATION_FAILED', [{ field: 'body.phaseNumber', message: 'Choose a phase from 1 to 2.' }]) });
    await user.type(field(t('groups.meetings.form.title')), 'Kick-off');
    await user.type(field(t('groups.meetings.form.date')), '2027-02-15');
    await user.click(submit());

    const phase = field(t('groups.meetings.form.phase'));
    await waitFor(() => expect(phase).toHaveAccessibleDescription(expect.stringContaining('Choose a phase from 1 to 2.')));
    expect(phase).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent(t('errors.codes.VALIDATION_FAILED'));
  });
});
