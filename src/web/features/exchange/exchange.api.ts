import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  CityBlockList,
  ConversationPage,
  ConversationSummary,
  Message,
  MessageReport,
  type StartConversationBody,
} from '../../../shared/exchange.schemas.ts';
import { pageOf } from '../../../shared/pagination.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';
import { uploadFile } from '../../lib/upload.ts';

const enc = encodeURIComponent;
const Inbox = pageOf(ConversationSummary);
const Reports = pageOf(MessageReport);
const Archived = z.object({ archived: z.boolean() });

export const exchangeKeys = {
  all: ['exchange'] as const,
  inboxes: ['exchange', 'inbox'] as const,
  inbox: (q: InboxFilter) => ['exchange', 'inbox', q] as const,
  conversation: (id: string) => ['exchange', 'conversation', id] as const,
  older: (id: string, before: string) => ['exchange', 'conversation', id, 'before', before] as const,
  blocks: (cityId: string) => ['exchange', 'blocks', cityId] as const,
  reports: (page: number) => ['exchange', 'reports', page] as const,
};

export interface InboxFilter {
  cityId?: string;
  archived: boolean;
  q: string;
  page: number;
}

export function useInbox(f: InboxFilter) {
  return useQuery({
    queryKey: exchangeKeys.inbox(f),
    queryFn: ({ signal }) => apiGet(`/api/conversations${queryString({ cityId: f.cityId, archived: f.archived ? 'true' : undefined, q: f.q || undefined, page: f.page, pageSize: 20 })}`, Inbox, signal),
    placeholderData: keepPreviousData,
  });
}

export function useConversation(id: string) {
  return useQuery({ queryKey: exchangeKeys.conversation(id), queryFn: ({ signal }) => apiGet(`/api/conversations/${enc(id)}`, ConversationPage, signal) });
}

/** An older page of a conversation, once asked for. */
export function useOlderMessages(id: string, before: string | null) {
  return useQuery({
    queryKey: exchangeKeys.older(id, before ?? ''),
    queryFn: ({ signal }) => apiGet(`/api/conversations/${enc(id)}${queryString({ before: before ?? undefined })}`, ConversationPage, signal),
    enabled: before !== null,
  });
}

function useExchangeMutation<V, R>(send: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: exchangeKeys.all }) });
}

export function useStartConversation() {
  return useExchangeMutation((body: z.input<typeof StartConversationBody>) => apiSend('POST', '/api/conversations', body, ConversationPage));
}

/** Sends a message, then its files one by one. */
export function useSendMessage(conversationId: string) {
  return useExchangeMutation(async ({ body, files }: { body: string; files: File[] }) => {
    const message = await apiSend('POST', `/api/conversations/${enc(conversationId)}/messages`, { body }, Message);
    let last = message;
    for (const file of files) last = await uploadFile(`/api/messages/${enc(message.id)}/attachments${queryString({ filename: file.name })}`, file, 'application/pdf', Message);
    return last;
  });
}

export function useArchive(conversationId: string) {
  return useExchangeMutation((archived: boolean) => apiSend('PUT', `/api/conversations/${enc(conversationId)}/archive`, { archived }, Archived));
}

export function useReportMessage() {
  return useExchangeMutation(({ messageId, reason }: { messageId: string; reason: string }) => apiSend('POST', `/api/messages/${enc(messageId)}/reports`, { reason }));
}

export function useBlocks(cityId: string | null) {
  return useQuery({ queryKey: exchangeKeys.blocks(cityId ?? ''), queryFn: ({ signal }) => apiGet(`/api/cities/${enc(cityId ?? '')}/blocks`, CityBlockList, signal), enabled: cityId !== null });
}

export function useBlock(cityId: string) {
  return useExchangeMutation(({ blockedCityId, blocked }: { blockedCityId: string; blocked: boolean }) =>
    apiSend(blocked ? 'PUT' : 'DELETE', `/api/cities/${enc(cityId)}/blocks/${enc(blockedCityId)}`, undefined, CityBlockList),
  );
}

export function useReports(page: number) {
  return useQuery({ queryKey: exchangeKeys.reports(page), queryFn: ({ signal }) => apiGet(`/api/message-reports${queryString({ page, pageSize: 20 })}`, Reports, signal), placeholderData: keepPreviousData });
}

export function useDecideReport() {
  return useExchangeMutation(({ reportId, outcome, reason }: { reportId: string; outcome: 'hidden' | 'kept'; reason: string }) =>
    apiSend('POST', `/api/message-reports/${enc(reportId)}/decision`, { outcome, reason }),
  );
}

/** Where a file of a message is downloaded. */
export const attachmentUrl = (id: string) => `/api/message-attachments/${enc(id)}`;
