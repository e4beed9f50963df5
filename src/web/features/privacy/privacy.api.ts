import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Me } from '../../../shared/account.schemas.ts';
import { PrivacyNotice, PrivacyNoticeVersions, type AcceptPrivacyNoticeBody, type PublishPrivacyNoticeBody } from '../../../shared/privacy.schemas.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

// The same key as the account page's: both read GET /api/me.
const meQueryKey = ['me'] as const;
const noticeQueryKey = ['privacy-notice'] as const;
const versionsQueryKey = ['privacy-notices'] as const;

export function usePrivacyNotice() {
  return useQuery({ queryKey: noticeQueryKey, queryFn: ({ signal }) => apiGet('/api/privacy-notice', PrivacyNotice, signal) });
}

/** Where the signed-in person stands with the notice in force (only asked when someone is signed in). */
export function useMyPrivacy(signedIn: boolean) {
  return useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => apiGet('/api/me', Me, signal), enabled: signedIn });
}

export function useAcceptNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptPrivacyNoticeBody) => apiSend('POST', '/api/me/consents', body, Me),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}

export function usePrivacyVersions() {
  return useQuery({ queryKey: versionsQueryKey, queryFn: ({ signal }) => apiGet('/api/privacy-notices', PrivacyNoticeVersions, signal) });
}

export function usePublishNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishPrivacyNoticeBody) => apiSend('POST', '/api/privacy-notices', body, PrivacyNotice),
    onSuccess: async (notice) => {
      queryClient.setQueryData(noticeQueryKey, notice);
      await Promise.all([queryClient.invalidateQueries({ queryKey: versionsQueryKey }), queryClient.invalidateQueries({ queryKey: meQueryKey })]);
    },
  });
}
