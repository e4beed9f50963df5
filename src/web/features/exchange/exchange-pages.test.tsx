import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConversationPage as Page, ConversationSummary, Message, Party } from '../../../shared/exchange.schemas.ts';
import { i18next } from '../../lib/i18n.ts';
import { CITY_ID, representative } from '../../test-support/fixtures.ts';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { ConversationPage } from './conversation.page.tsx';
import { InboxPage } from './inbox.page.tsx';
import '../../locales/lazy/exchange.strings.ts';

const t = i18next.t;
const CONVERSATION_ID = '33333333-3333-4333-8333-333333333333';
const TARTU_ID = '44444444-4444-4444-8444-444444444444';
const valencia: Party = { id: '55555555-5555-4555-8555-555555555555', kind: 'city', cityId: CITY_ID, cityName: 'Valencia', citySlug: 'valencia', personName: null };
const tartu: Party = { id: '66666666-6666-4666-8666-666666666666', kind: 'city', cityId: TARTU_ID, cityName: 'Tartu', citySlug: 'tartu', personName: null };
const about = { kind: 'solution' as const, id: '77777777-7777-4777-8777-777777777777', title: 'Solar PV on municipal buildings', cityName: 'Valencia', link: '/solutions/77777777-7777-4777-8777-777777777777' };

const summary = (overrides: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id: CONVERSATION_ID,
  subject: 'Solar PV on municipal buildings',
  about,
  others: [tartu],
  mine: valencia,
  lastMessageAt: '2026-12-07T15:00:00.000Z',
  lastMessage: { excerpt: 'How did you finance the panels?', author: 'Kadri Tamm', hidden: false },
  unread: 1,
  archived: false,
  ...overrides,
});

const message = (overrides: Partial<Message> = {}): Message => ({
  id: '88888888-8888-4888-8888-888888888888',
  partyId: tartu.id,
  author: 'Kadri Tamm',
  authorCity: 'Tartu',
  authorStatus: 'active',
  mine: false,
  bodyHtml: '<p>Hello <strong>Valencia</strong></p>',
  createdAt: '2026-12-07T15:00:00.000Z',
  hidden: null,
  attachments: [],
  ...overrides,
});

describe('the inbox', () => {
  it('shows each conversation with its unread count, "99+" once the server stops counting', async () => {
    mockApi({
      'GET /api/session': { body: representative() },
      [`GET /api/cities/${CITY_ID}/blocks`]: { body: { items: [{ cityId: CITY_ID, blockedCityId: TARTU_ID, blockedCityName: 'Tartu', blockedAt: '2026-12-07T15:00:00.000Z', blockedBy: 'Lucía Martínez' }] } },
      'GET /api/conversations': { body: { items: [summary(), summary({ id: '99999999-9999-4999-8999-999999999999', subject: 'Busy', unread: 100 }), summary({ id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', subject: 'Read', unread: 0 })], total: 3, page: 1, pageSize: 20 } },
    });
    renderPage(<InboxPage />, { path: '/messages' });
    expect(await screen.findByText('1 unread')).toBeTruthy();
    expect(screen.getByText('99+ unread')).toBeTruthy();
    expect(screen.getAllByText(/unread$/)).toHaveLength(2);
    expect(screen.getAllByText(t('exchange.with', { parties: 'Tartu' }))).toHaveLength(3);
    expect(await screen.findByRole('button', { name: t('exchange.unblock', { city: 'Tartu' }) })).toBeTruthy();
  });

  it('says so when there is nothing yet, and how to start', async () => {
    mockApi({ 'GET /api/session': { body: representative() }, [`GET /api/cities/${CITY_ID}/blocks`]: { body: { items: [] } }, 'GET /api/conversations': { body: { items: [], total: 0, page: 1, pageSize: 20 } } });
    renderPage(<InboxPage />, { path: '/messages' });
    expect(await screen.findByText(t('exchange.emptyInbox'))).toBeTruthy();
    expect(screen.getByText(t('exchange.emptyInboxHint'))).toBeTruthy();
  });
});

describe('a conversation', () => {
  it('marks hidden messages, deactivated authors and former participants, and lists files', async () => {
    const page: Page = {
      conversation: { id: CONVERSATION_ID, subject: 'Solar PV on municipal buildings', about, parties: [tartu, valencia], myPartyId: valencia.id, createdAt: '2026-12-07T15:00:00.000Z', archived: false },
      messages: [
        message({ authorStatus: 'deactivated', attachments: [{ id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', filename: 'plan.pdf', sizeBytes: 2048 }] }),
        message({ id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', bodyHtml: null, hidden: { at: '2026-12-07T16:00:00.000Z', reason: 'Advertising' } }),
        message({ id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', author: null, authorStatus: 'former', bodyHtml: '<p>Old answer</p>' }),
      ],
      olderCursor: null,
      blockedCityIds: [],
    };
    mockApi({ 'GET /api/session': { body: representative() }, [`GET /api/conversations/${CONVERSATION_ID}`]: { body: page } });
    renderPage(<ConversationPage />, { path: `/messages/${CONVERSATION_ID}`, pattern: '/messages/:id' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Solar PV on municipal buildings' })).toBeTruthy();
    expect(screen.getByText(t('exchange.between', { parties: 'Tartu and Valencia' }))).toBeTruthy();
    expect(screen.getByText(t('exchange.deactivated'))).toBeTruthy();
    expect(screen.getByText(t('exchange.hiddenWithReason', { reason: 'Advertising' }))).toBeTruthy();
    expect(screen.getByText(t('exchange.formerParticipant'))).toBeTruthy();
    expect(screen.getByRole('link', { name: 'plan.pdf (PDF, 2 KB)' }).getAttribute('href')).toBe('/api/message-attachments/bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
    expect(screen.getByRole('button', { name: t('exchange.block', { city: 'Tartu' }) })).toBeTruthy();
  });
});
