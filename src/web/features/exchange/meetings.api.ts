import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  MeetingRequest,
  MeetingRequestList,
  type AcceptMeetingBody,
  type CancelMeetingBody,
  type DeclineMeetingBody,
  type MoveMeetingBody,
  type ProposeMeetingBody,
} from '../../../shared/meeting.schemas.ts';
import { apiGet, apiSend } from '../../lib/api-client.ts';

const enc = encodeURIComponent;
const base = (conversationId: string) => `/api/conversations/${enc(conversationId)}/meeting-requests`;

export const meetingKeys = {
  all: ['meeting-requests'] as const,
  ofConversation: (conversationId: string) => ['meeting-requests', conversationId] as const,
};

/** Where a meeting's calendar file is downloaded (signed in; the browser sends the session cookie). */
export const meetingIcsHref = (conversationId: string, requestId: string) => `${base(conversationId)}/${enc(requestId)}/invite.ics`;

export function useMeetingRequests(conversationId: string) {
  return useQuery({ queryKey: meetingKeys.ofConversation(conversationId), queryFn: ({ signal }) => apiGet(base(conversationId), MeetingRequestList, signal) });
}

/** Every change answers with the request; the list is read again (the other requests' "can" may change too). */
function useMeetingMutation<V>(conversationId: string, send: (vars: V) => Promise<MeetingRequest>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.ofConversation(conversationId) }),
  });
}

export function useProposeMeeting(conversationId: string) {
  return useMeetingMutation(conversationId, (body: z.output<typeof ProposeMeetingBody>) => apiSend('POST', base(conversationId), body, MeetingRequest));
}

export function useAcceptMeeting(conversationId: string, requestId: string) {
  return useMeetingMutation(conversationId, (body: z.output<typeof AcceptMeetingBody>) => apiSend('POST', `${base(conversationId)}/${enc(requestId)}/accept`, body, MeetingRequest));
}

export function useDeclineMeeting(conversationId: string, requestId: string) {
  return useMeetingMutation(conversationId, (body: z.output<typeof DeclineMeetingBody>) => apiSend('POST', `${base(conversationId)}/${enc(requestId)}/decline`, body, MeetingRequest));
}

export function useCancelMeeting(conversationId: string, requestId: string) {
  return useMeetingMutation(conversationId, (body: z.output<typeof CancelMeetingBody>) => apiSend('POST', `${base(conversationId)}/${enc(requestId)}/cancel`, body, MeetingRequest));
}

export function useMoveMeeting(conversationId: string, requestId: string) {
  return useMeetingMutation(conversationId, (body: z.output<typeof MoveMeetingBody>) => apiSend('POST', `${base(conversationId)}/${enc(requestId)}/move`, body, MeetingRequest));
}
