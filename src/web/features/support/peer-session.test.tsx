import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PeerCityChoice, SupportSession } from '../../../shared/support-sessions.schemas.ts';
import type { SupportRequestDetail } from '../../../shared/support.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { CITY_ID, representative, sessionOf } from '../../test-support/fixtures.ts';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { SupportRequestPage } from './request.page.tsx';
import '../../locales/lazy/support.strings.ts';
import '../../locales/lazy/meetings.strings.ts';

const t = i18next.t;
const ID = '77777777-7777-4777-8777-777777777777';
const sofia = { id: '88888888-8888-4888-8888-888888888888', name: 'Sofia Rossi' };
const city = (n: number, name: string) => ({ id: `aaaaaaaa-aaaa-4aaa-8aaa-00000000000${n}`, name, slug: name.toLowerCase(), country: 'FI' });
const HELSINKI = city(1, 'Helsinki');
const LYON = city(2, 'Lyon');
const ESPOO = city(3, 'Espoo');
const MUNICH = city(4, 'Munich');
const expertSession = () => sessionOf([{ role: 'expert', cityId: null, cityName: null, primaryContact: false }]);

const detail = (): SupportRequestDetail => ({
  id: ID,
  title: 'Learning from cities that financed district heating',
  city: { id: CITY_ID, name: 'Valencia', slug: 'valencia', country: 'ES' },
  kind: 'peer-session',
  urgency: 'normal',
  state: 'assigned',
  sectors: ['energy'],
  levers: ['finance-funding'],
  languages: ['es', 'fr'],
  expert: sofia,
  createdAt: '2026-12-07T10:00:00.000Z',
  firstAnswerDueAt: '2026-12-14T22:59:59.000Z',
  firstAnsweredAt: null,
  overdue: false,
  question: 'Which Mission Cities financed a heat network, and how?',
  assignment: { expert: sofia, by: 'routing', reasons: [], at: '2026-12-07T10:00:00.000Z' },
  unassignedReason: null,
  answers: [],
  events: [],
  rating: null,
  can: { answer: false, markSessionHeld: false, close: false, reopen: false, reassign: false, seePublication: true },
  version: 1,
});

const session = (overrides: Partial<SupportSession> = {}): SupportSession => ({
  requestId: ID,
  kind: 'peer-session',
  version: 1,
  invitations: [],
  durationMinutes: null,
  joinUrl: null,
  slots: [],
  scheduledAt: null,
  icsPath: null,
  takeaway: null,
  myInvitedCityIds: [],
  can: { confirmPeers: false, answerInvitation: false, proposeSlots: false, pickSlot: false, downloadIcs: false, writeTakeaway: false },
  ...overrides,
});

const choice: PeerCityChoice = {
  proposed: [
    { city: HELSINKI, score: 6, reasons: [{ code: 'SUPPORT_PEER_SECTORS', params: { sectors: 'energy' } }, { code: 'SUPPORT_PEER_LEVERS', params: { levers: 'finance & funding' } }], why: '' },
    { city: LYON, score: 5, reasons: [{ code: 'SUPPORT_PEER_SECTORS', params: { sectors: 'energy' } }, { code: 'SUPPORT_PEER_LANGUAGES', params: { languages: 'French' } }], why: '' },
    { city: ESPOO, score: 3, reasons: [{ code: 'SUPPORT_PEER_SECTORS', params: { sectors: 'energy' } }], why: '' },
  ],
  missionCities: [ESPOO, HELSINKI, LYON, MUNICH],
};

const renderDetail = () => renderPage(<SupportRequestPage />, { path: `/support/${ID}`, pattern: '/support/:id' });
const DETAIL = `/api/support-requests/${ID}`;

describe('the peer session on the request page', () => {
  it('shows the expert the three proposed cities with their reasons, and sends the edited choice', async () => {
    const api = mockApi({
      'GET /api/session': { body: expertSession() },
      [`GET ${DETAIL}`]: { body: detail() },
      [`GET ${DETAIL}/session`]: { body: session({ can: { ...session().can, confirmPeers: true } }) },
      [`GET ${DETAIL}/peer-cities`]: { body: choice },
      [`POST ${DETAIL}/peer-cities`]: { body: session({ version: 2, invitations: [] }) },
    });
    const { user } = renderDetail();
    const proposal = await screen.findByTestId('peer-proposal');
    // Each proposed city checked, with why in words.
    for (const name of ['Helsinki', 'Lyon', 'Espoo']) expect(within(proposal).getByRole('checkbox', { name: new RegExp(name) })).toBeChecked();
    expect(within(proposal).getByText('planned solutions in energy, works in French')).toBeInTheDocument();
    expect(within(proposal).getAllByText(t('support.sessions.proposedBadge'))).toHaveLength(3);
    await user.click(within(proposal).getByRole('checkbox', { name: /Espoo/ }));
    await user.type(screen.getByRole('combobox', { name: t('support.sessions.otherCities') }), 'Mun');
    // Mantine's dropdown opens with a transition the simulated browser never ends: the option is there, not yet shown.
    await user.click(await screen.findByRole('option', { name: 'Munich', hidden: true }));
    expect(screen.getByText(t('support.sessions.chosenCount', { count: 3 }))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('support.sessions.invite') }));
    await waitFor(() => expect(api.sent()).toEqual([{ method: 'POST', path: `${DETAIL}/peer-cities`, body: { cityIds: [HELSINKI.id, LYON.id, MUNICH.id], version: 1 } }]));
  });

  it('shows the invited cities’ answers, lets the asking city pick a time, then offers the .ics', async () => {
    const invitations: SupportSession['invitations'] = [
      { city: HELSINKI, proposed: true, reasons: choice.proposed[0]!.reasons, answer: 'accepted', answeredBy: 'Aino', answeredAt: '2026-12-08T09:00:00.000Z' },
      { city: MUNICH, proposed: false, reasons: [], answer: 'pending', answeredBy: null, answeredAt: null },
    ];
    const slots = [
      { id: 'bbbbbbbb-bbbb-4bbb-8bbb-000000000001', startsAt: '2026-12-14T09:00:00.000Z' },
      { id: 'bbbbbbbb-bbbb-4bbb-8bbb-000000000002', startsAt: '2026-12-15T13:00:00.000Z' },
    ];
    const open = session({ version: 4, invitations, slots, durationMinutes: 120, can: { ...session().can, pickSlot: true } });
    const picked = session({ version: 5, invitations, slots, durationMinutes: 120, scheduledAt: slots[1]!.startsAt, icsPath: `${DETAIL}/session.ics`, can: { ...session().can, downloadIcs: true } });
    const api = mockApi({
      'GET /api/session': { body: representative() },
      [`GET ${DETAIL}`]: { body: detail() },
      [`GET ${DETAIL}/session`]: { body: open },
      [`POST ${DETAIL}/session/pick`]: { body: picked },
    });
    const { user } = renderDetail();
    const list = await screen.findByTestId('peer-invitations');
    expect(within(list).getByText(t('support.sessions.answers.accepted'))).toBeInTheDocument();
    expect(within(list).getByText(t('support.sessions.answers.pending'))).toBeInTheDocument();
    expect(within(list).getByText(t('support.sessions.addedByExpert'))).toBeInTheDocument();
    // Brussels time: 14:00 on Tuesday 15 December.
    await user.click(screen.getByRole('radio', { name: /15 Dec 2026, 14:00/ }));
    await user.click(screen.getByRole('button', { name: t('support.sessions.pick') }));
    await waitFor(() => expect(api.sent()).toEqual([{ method: 'POST', path: `${DETAIL}/session/pick`, body: { slotId: slots[1]!.id, version: 4 } }]));
    const link = await screen.findByRole('link', { name: t('support.sessions.ics') });
    expect(link).toHaveAttribute('href', `${DETAIL}/session.ics`);
    expect(screen.getByTestId('session-scheduled')).toHaveTextContent('15 Dec 2026, 14:00');
  });

  it('asks the city for its takeaway once the session is held, and refuses one too short without sending it', async () => {
    const api = mockApi({
      'GET /api/session': { body: representative() },
      [`GET ${DETAIL}`]: { body: { ...detail(), state: 'session_held' } },
      [`GET ${DETAIL}/session`]: { body: session({ version: 6, can: { ...session().can, writeTakeaway: true } }) },
      [`POST ${DETAIL}/takeaway`]: { body: session({ version: 7, takeaway: { text: 'A yearly tariff review and a cooperative.', by: 'Rita Rep', at: '2026-12-16T09:00:00.000Z' } }) },
    });
    const { user } = renderDetail();
    const field = await screen.findByRole('textbox', { name: new RegExp(t('support.sessions.takeawayLabel', { city: 'Valencia' }).replace(/[?]/g, '\\?')) });
    await user.type(field, 'Short');
    await user.click(screen.getByRole('button', { name: t('support.sessions.takeawaySave') }));
    expect(await screen.findByText(t('support.sessions.takeawayLength'))).toBeInTheDocument();
    expect(api.sent()).toEqual([]);
    await user.type(field, ': a yearly tariff review and a cooperative.');
    await user.click(screen.getByRole('button', { name: t('support.sessions.takeawaySave') }));
    await waitFor(() => expect(api.sent()).toEqual([{ method: 'POST', path: `${DETAIL}/takeaway`, body: { text: 'Short: a yearly tariff review and a cooperative.', version: 6 } }]));
    expect(await screen.findByTestId('takeaway')).toHaveTextContent('A yearly tariff review and a cooperative.');
  });
});
