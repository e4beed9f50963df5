import '../../locales/lazy/meetings.strings.ts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MeetingRequest, MeetingRequestList } from '../../../shared/meeting.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, problem, renderPage } from '../../test-support/render.tsx';
import { MeetingRequests } from './meeting-requests.tsx';

const t = i18next.t;
const CONVERSATION = '11111111-1111-4111-8111-111111111111';
const TARTU = '22222222-2222-4222-8222-222222222222';
const VALENCIA = '33333333-3333-4333-8333-333333333333';
const REQUEST = '44444444-4444-4444-8444-444444444444';
const SLOT = (n: number) => `55555555-5555-4555-8555-55555555555${n}`;
const path = `/api/conversations/${CONVERSATION}/meeting-requests`;

function request(overrides: Partial<MeetingRequest> = {}): MeetingRequest {
  return {
    id: REQUEST,
    conversationId: CONVERSATION,
    title: 'Heat pumps in schools',
    durationMinutes: 60,
    joinUrl: 'https://meet.example.org/tartu-valencia',
    status: 'proposed',
    proposedByPartyId: TARTU,
    proposedByName: 'Kadri Tamm',
    proposedByActive: true,
    decidedByName: null,
    decidedAt: null,
    declineReason: null,
    slots: [
      { id: SLOT(1), startsAt: '2027-03-26T09:00:00.000Z' },
      { id: SLOT(2), startsAt: '2027-03-29T08:00:00.000Z' },
      { id: SLOT(3), startsAt: '2027-03-30T08:00:00.000Z' },
    ],
    acceptedSlotId: null,
    scheduledAt: null,
    icsSequence: 0,
    version: 1,
    createdAt: '2027-03-20T10:00:00.000Z',
    updatedAt: '2027-03-20T10:00:00.000Z',
    can: { accept: false, decline: false, cancel: true, move: true, downloadIcs: false },
    ...overrides,
  };
}

function list(myPartyId: string, items: MeetingRequest[]): MeetingRequestList {
  return {
    myPartyId,
    parties: [
      { partyId: TARTU, kind: 'city', cityId: '66666666-6666-4666-8666-666666666666', name: 'Tartu', timeZone: 'Europe/Tallinn' },
      { partyId: VALENCIA, kind: 'city', cityId: '77777777-7777-4777-8777-777777777777', name: 'Valencia', timeZone: 'Europe/Madrid' },
    ],
    items,
  };
}

function setUp(routes: Parameters<typeof mockApi>[0]) {
  const api = mockApi({ 'GET /api/session': { body: sessionOf([{ role: 'city_representative', cityId: null, cityName: null, primaryContact: false }]) }, ...routes });
  return { api, ...renderPage(<MeetingRequests conversationId={CONVERSATION} />) };
}

describe('meeting requests in a conversation', () => {
  it('says there are none yet, and proposes one: times typed in my city time, the other city time beside, sent as instants', async () => {
    const { api, user } = setUp({ [`GET ${path}`]: { body: list(TARTU, []) }, [`POST ${path}`]: { status: 201, body: request() } });
    expect(await screen.findByText(t('meetings.empty'))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('meetings.propose') }));
    const dialog = await screen.findByRole('dialog', { name: t('meetings.propose') });
    await user.type(within(dialog).getByLabelText(new RegExp(`^${t('meetings.form.title')}`)), 'Heat pumps in schools');
    await user.type(within(dialog).getByLabelText(new RegExp(`^${t('meetings.form.joinUrl')}`)), 'https://meet.example.org/tartu-valencia');
    const dates = within(dialog).getAllByLabelText(/^Date, option/);
    expect(dates).toHaveLength(2);
    await user.click(within(dialog).getByRole('button', { name: t('meetings.form.addSlot') }));
    const allDates = within(dialog).getAllByLabelText(/^Date, option/);
    const allTimes = within(dialog).getAllByLabelText(/^Time, option/);
    expect(allDates).toHaveLength(3);
    for (const [i, [d, tm]] of [
      ['2027-03-26', '11:00'],
      ['2027-03-29', '11:00'],
      ['2027-03-30', '10:00'],
    ].entries()) {
      await user.type(allDates[i] as HTMLElement, d as string);
      await user.clear(allTimes[i] as HTMLElement);
      await user.type(allTimes[i] as HTMLElement, tm as string);
    }
    // 11:00 in Tartu is 10:00 in Valencia, before and after the change of 28 March.
    expect(dialog.textContent).toMatch(/That is Fri, 26 Mar 2027, 10:00 in Valencia/);
    expect(dialog.textContent).toMatch(/That is Mon, 29 Mar 2027, 10:00 in Valencia/);
    await user.click(within(dialog).getByRole('button', { name: t('meetings.form.submit') }));
    await waitFor(() => expect(api.sent()).toHaveLength(1));
    expect(api.sent()[0]).toEqual({
      method: 'POST',
      path,
      body: { title: 'Heat pumps in schools', durationMinutes: 60, joinUrl: 'https://meet.example.org/tartu-valencia', slots: ['2027-03-26T09:00:00.000Z', '2027-03-29T08:00:00.000Z', '2027-03-30T07:00:00.000Z'], asCityId: null },
    });
  });

  it('checks the times before sending and shows the server refusal on the right time', async () => {
    const { api, user } = setUp({
      [`GET ${path}`]: { body: list(TARTU, []) },
      [`POST ${path}`]: problem(400, 'VALIDATION_FAILED', [{ field: 'body.slots.1', message: 'Propose a time at least 60 minutes from now.' }]),
    });
    await user.click(await screen.findByRole('button', { name: t('meetings.propose') }));
    const dialog = await screen.findByRole('dialog', { name: t('meetings.propose') });
    await user.type(within(dialog).getByLabelText(new RegExp(`^${t('meetings.form.title')}`)), 'Call');
    await user.type(within(dialog).getByLabelText(new RegExp(`^${t('meetings.form.joinUrl')}`)), 'http://insecure.example.org');
    await user.click(within(dialog).getByRole('button', { name: t('meetings.form.submit') }));
    expect(await within(dialog).findByText(t('meetings.form.joinUrlInvalid'))).toBeInTheDocument();
    expect(within(dialog).getAllByText(t('meetings.form.slotInvalid'))).toHaveLength(2);
    expect(api.sent()).toHaveLength(0);

    await user.clear(within(dialog).getByLabelText(new RegExp(`^${t('meetings.form.joinUrl')}`)));
    await user.type(within(dialog).getByLabelText(new RegExp(`^${t('meetings.form.joinUrl')}`)), 'https://meet.example.org/x');
    const dates = within(dialog).getAllByLabelText(/^Date, option/);
    await user.type(dates[0] as HTMLElement, '2027-04-01');
    await user.type(dates[1] as HTMLElement, '2027-04-02');
    await user.click(within(dialog).getByRole('button', { name: t('meetings.form.submit') }));
    await waitFor(() => expect(api.sent()).toHaveLength(1));
    expect(await within(dialog).findByText(/at least 60 minutes/)).toBeInTheDocument();
    expect(dates[1]).toHaveAttribute('aria-invalid', 'true');
  });

  it('the other side picks a time (radios labelled with both cities’ times) and accepts it with the version read', async () => {
    const accepted = request({ status: 'accepted', acceptedSlotId: SLOT(2), scheduledAt: '2027-03-29T08:00:00.000Z', version: 2, can: { accept: false, decline: false, cancel: true, move: true, downloadIcs: true } });
    let answered = false;
    const { api, user } = setUp({
      [`GET ${path}`]: () => ({ body: list(VALENCIA, [answered ? accepted : request({ can: { accept: true, decline: true, cancel: true, move: false, downloadIcs: false } })]) }),
      [`POST ${path}/${REQUEST}/accept`]: () => {
        answered = true;
        return { body: accepted };
      },
    });
    const group = await screen.findByRole('radiogroup', { name: t('meetings.pickTime') });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(3);
    // My city first: 10:00 in Valencia, 11:00 in Tartu.
    expect(within(group).getByRole('radio', { name: /Mon.*10:00 in Valencia.*11:00 in Tartu/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('meetings.accept') }));
    expect(await screen.findByText(t('meetings.pickTimeFirst'))).toBeInTheDocument();
    expect(api.sent()).toHaveLength(0);
    await user.click(radios[1] as HTMLElement);
    await user.click(screen.getByRole('button', { name: t('meetings.accept') }));
    await waitFor(() => expect(api.sent()).toEqual([{ method: 'POST', path: `${path}/${REQUEST}/accept`, body: { slotId: SLOT(2), version: 1 } }]));
    const download = await screen.findByRole('link', { name: t('meetings.downloadIcs') });
    expect(download).toHaveAttribute('href', `${path}/${REQUEST}/invite.ics`);
    expect(screen.getByText(t('meetings.status.accepted'))).toBeInTheDocument();
  });

  it('shows a conflict when the other side answered first', async () => {
    const { user } = setUp({
      [`GET ${path}`]: { body: list(VALENCIA, [request({ can: { accept: true, decline: true, cancel: true, move: false, downloadIcs: false } })]) },
      [`POST ${path}/${REQUEST}/accept`]: problem(409, 'CONFLICT', [], 'Someone changed or answered this meeting request in the meantime. Reload it and try again.'),
    });
    await user.click(within(await screen.findByRole('radiogroup', { name: t('meetings.pickTime') })).getAllByRole('radio')[0] as HTMLElement);
    await user.click(screen.getByRole('button', { name: t('meetings.accept') }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });

  it('declines with a reason, and cancels only after confirming', async () => {
    const { api, user } = setUp({
      [`GET ${path}`]: { body: list(VALENCIA, [request({ can: { accept: true, decline: true, cancel: true, move: false, downloadIcs: false } })]) },
      [`POST ${path}/${REQUEST}/decline`]: { body: request({ status: 'declined', declineReason: 'Holidays', version: 2 }) },
      [`POST ${path}/${REQUEST}/cancel`]: { body: request({ status: 'cancelled', version: 2 }) },
    });
    await user.click(await screen.findByRole('button', { name: t('meetings.cancel') }));
    const confirm = await screen.findByRole('dialog', { name: t('meetings.form.cancelTitle') });
    await user.click(within(confirm).getByRole('button', { name: t('meetings.form.keep') }));
    expect(api.sent()).toHaveLength(0);
    // The dialog (and its own "Cancel meeting" button) leaves the page.
    await waitFor(() => expect(screen.queryByRole('dialog', { name: t('meetings.form.cancelTitle') })).toBeNull());

    await user.click(screen.getByRole('button', { name: t('meetings.decline') }));
    const dialog = await screen.findByRole('dialog', { name: t('meetings.form.declineTitle') });
    await user.type(within(dialog).getByLabelText(new RegExp(`^${t('meetings.form.declineReason').replace(/[()]/g, '\\$&')}`)), 'Holidays');
    await user.click(within(dialog).getByRole('button', { name: t('meetings.form.declineSubmit') }));
    await waitFor(() => expect(api.sent()).toEqual([{ method: 'POST', path: `${path}/${REQUEST}/decline`, body: { reason: 'Holidays', version: 1 } }]));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: t('meetings.form.declineTitle') })).toBeNull());

    await user.click(screen.getByRole('button', { name: t('meetings.cancel') }));
    const confirmAgain = await screen.findByRole('dialog', { name: t('meetings.form.cancelTitle') });
    await user.click(within(confirmAgain).getByRole('button', { name: t('meetings.form.cancelConfirm') }));
    await waitFor(() => expect(api.sent()[1]).toEqual({ method: 'POST', path: `${path}/${REQUEST}/cancel`, body: { version: 1 } }));
  });

  it('moves an accepted meeting to one new time, typed in my city time', async () => {
    const accepted = request({ status: 'accepted', acceptedSlotId: SLOT(1), scheduledAt: '2027-03-26T09:00:00.000Z', version: 2, can: { accept: false, decline: false, cancel: true, move: true, downloadIcs: true } });
    const { api, user } = setUp({
      [`GET ${path}`]: { body: list(TARTU, [accepted]) },
      [`POST ${path}/${REQUEST}/move`]: { body: { ...accepted, scheduledAt: '2027-04-01T09:00:00.000Z', version: 3, icsSequence: 1 } },
    });
    expect(await screen.findByText(/Fri.*11:00 in Tartu/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('meetings.move') }));
    const dialog = await screen.findByRole('dialog', { name: t('meetings.form.moveTitle') });
    await user.type(within(dialog).getByLabelText(/^Date, option/), '2027-04-01');
    await user.clear(within(dialog).getByLabelText(/^Time, option/));
    await user.type(within(dialog).getByLabelText(/^Time, option/), '12:00');
    await user.click(within(dialog).getByRole('button', { name: t('meetings.form.moveSubmit') }));
    await waitFor(() => expect(api.sent()).toEqual([{ method: 'POST', path: `${path}/${REQUEST}/move`, body: { slots: ['2027-04-01T09:00:00.000Z'], version: 2 } }]));
  });
});
