import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { representative } from '../../test-support/fixtures.ts';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { NotificationBell } from './notification-bell.tsx';
import { NotificationsPage } from './notifications.page.tsx';
import { NotificationSettingsPage } from './notification-settings.page.tsx';

const ID = '33333333-3333-4333-8333-333333333333';
const item = { id: ID, kind: 'mention', title: 'Valencia was mentioned in “Heat pumps”', body: 'Tilburg in Energy', link: '/discussions/44444444-4444-4444-8444-444444444444', createdAt: '2026-12-07T10:00:00.000Z', read: false };

describe('NotificationBell', () => {
  it('names the count for screen readers and shows it as a badge; "99+" beyond', async () => {
    mockApi({ 'GET /api/session': { body: representative() }, 'GET /api/me/notifications/unread-count': { body: { count: 3, more: false } } });
    renderPage(<NotificationBell />);
    const bell = await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(bell).toHaveTextContent('3');
  });

  it('says more than 99', async () => {
    mockApi({ 'GET /api/session': { body: representative() }, 'GET /api/me/notifications/unread-count': { body: { count: 99, more: true } } });
    renderPage(<NotificationBell />);
    expect(await screen.findByRole('link', { name: 'Notifications, more than 99 unread' })).toHaveTextContent('99+');
  });

  it('is not there for someone signed out', async () => {
    const api = mockApi({ 'GET /api/session': { body: { user: null, csrfToken: 'token' } } });
    renderPage(<NotificationBell />);
    await waitFor(() => expect(api.requested()).toContain('GET /api/session'));
    expect(screen.queryByRole('link')).toBeNull();
    expect(api.requested()).not.toContain('GET /api/me/notifications/unread-count');
  });
});

describe('NotificationsPage', () => {
  it('marks an unread notification read when it is opened, and links to its target', async () => {
    const api = mockApi({
      'GET /api/session': { body: representative() },
      'GET /api/me/notifications': { body: { items: [item], total: 1, page: 1, pageSize: 25 } },
      'GET /api/me/notifications/unread-count': { body: { count: 1, more: false } },
      [`POST /api/me/notifications/${ID}/read`]: { status: 204, body: undefined },
    });
    const { user } = renderPage(<NotificationsPage />);
    const list = await screen.findByRole('list', { name: 'Your notifications' });
    expect(within(list).getByText('Unread')).toBeInTheDocument();
    const link = within(list).getByRole('link', { name: item.title });
    expect(link).toHaveAttribute('href', item.link);
    await user.click(link);
    await waitFor(() => expect(api.sent()).toEqual([{ method: 'POST', path: `/api/me/notifications/${ID}/read`, body: undefined }]));
  });

  it('says when there is nothing yet', async () => {
    mockApi({
      'GET /api/session': { body: representative() },
      'GET /api/me/notifications': { body: { items: [], total: 0, page: 1, pageSize: 25 } },
      'GET /api/me/notifications/unread-count': { body: { count: 0, more: false } },
    });
    renderPage(<NotificationsPage />);
    expect(await screen.findByText('No notifications yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
  });
});

describe('NotificationSettingsPage', () => {
  it('sends every kind with its choice and confirms', async () => {
    const items = [
      { kind: 'message', delivery: 'immediate', isDefault: true },
      { kind: 'meeting', delivery: 'immediate', isDefault: true },
      { kind: 'mention', delivery: 'digest', isDefault: true },
      { kind: 'decision', delivery: 'immediate', isDefault: true },
      { kind: 'evaluation_assigned', delivery: 'immediate', isDefault: true },
      { kind: 'deadline', delivery: 'immediate', isDefault: true },
      { kind: 'visit_notice', delivery: 'immediate', isDefault: true },
      { kind: 'support', delivery: 'immediate', isDefault: true },
    ];
    const api = mockApi({
      'GET /api/session': { body: representative() },
      'GET /api/me/notification-preferences': { body: { items } },
      'PUT /api/me/notification-preferences': (r) => ({ body: { items: (r.body as { preferences: { kind: string; delivery: string }[] }).preferences.map((p) => ({ ...p, isDefault: p.kind !== 'decision' })) } }),
    });
    const { user } = renderPage(<NotificationSettingsPage />);
    const decisions = await screen.findByRole('radiogroup', { name: "Decisions on your city's applications" });
    await user.click(within(decisions).getByRole('radio', { name: 'Only here' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Your notification settings are saved.')).toBeInTheDocument();
    const [put] = api.sent();
    expect(put?.body).toEqual({ preferences: items.map((p) => ({ kind: p.kind, delivery: p.kind === 'decision' ? 'app' : p.delivery })) });
  });
});
