import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MarkedRead, NotificationPage, NotificationPreferences, UnreadCount, type UpdateNotificationPreferences } from '../../../shared/notification.schemas.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  list: (page: number, unread: boolean) => ['notifications', 'list', page, unread] as const,
  preferences: ['notification-preferences'] as const,
};

/** The bell's count: again every minute and when the window gets focus. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: ({ signal }) => apiGet('/api/me/notifications/unread-count', UnreadCount, signal),
    enabled,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useNotifications(page: number, unread: boolean) {
  return useQuery({
    queryKey: notificationKeys.list(page, unread),
    queryFn: ({ signal }) => apiGet(`/api/me/notifications${queryString({ page, unread: unread ? 'true' : undefined })}`, NotificationPage, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('POST', `/api/me/notifications/${encodeURIComponent(id)}/read`),
    // Read at once in every list already loaded: coming back to the list
    // (Back after opening one) must not show it unread until the refetch.
    onMutate: (id: string) => {
      queryClient.setQueriesData<NotificationPage>({ queryKey: ['notifications', 'list'] }, (page) => page && { ...page, items: page.items.map((n) => (n.id === id ? { ...n, read: true } : n)) });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/me/notifications/read-all', undefined, MarkedRead),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationPreferences() {
  return useQuery({ queryKey: notificationKeys.preferences, queryFn: ({ signal }) => apiGet('/api/me/notification-preferences', NotificationPreferences, signal) });
}

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationPreferences) => apiSend('PUT', '/api/me/notification-preferences', body, NotificationPreferences),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences, saved),
  });
}
