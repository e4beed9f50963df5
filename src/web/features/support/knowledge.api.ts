import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SupportPublication, type PublishAnswer } from '../../../shared/published-answers.schemas.ts';
import { SupportAttachmentList } from '../../../shared/support-attachment.schemas.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';
import { uploadFile } from '../../lib/upload.ts';

// Answers become knowledge, and requests carry PDFs (docs/support.md, "Knowledge", "Attachments").

const enc = encodeURIComponent;

export const knowledgeKeys = {
  publication: (id: string) => ['support', 'publication', id] as const,
  attachments: (id: string) => ['support', 'attachments', id] as const,
};

export function usePublication(requestId: string) {
  return useQuery({ queryKey: knowledgeKeys.publication(requestId), queryFn: ({ signal }) => apiGet(`/api/support-requests/${enc(requestId)}/publication`, SupportPublication, signal) });
}

/** Consent, withdrawal, publishing and unpublishing all answer the publication; the library's searches are refetched. */
function usePublicationChange<B>(requestId: string, send: (body: B) => Promise<SupportPublication>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (publication) => {
      queryClient.setQueryData(knowledgeKeys.publication(requestId), publication);
      void queryClient.invalidateQueries({ queryKey: ['library'] });
      void queryClient.invalidateQueries({ queryKey: ['solutions'] });
    },
  });
}

export const useSetConsent = (requestId: string) =>
  usePublicationChange(requestId, (body: { consent: boolean; version: number }) => apiSend('PUT', `/api/support-requests/${enc(requestId)}/publication/consent`, body, SupportPublication));

export const usePublish = (requestId: string) =>
  usePublicationChange(requestId, (body: PublishAnswer) => apiSend('POST', `/api/support-requests/${enc(requestId)}/publication`, body, SupportPublication));

export const useUnpublish = (requestId: string) =>
  usePublicationChange(requestId, (body: { version: number }) => apiSend('POST', `/api/support-requests/${enc(requestId)}/publication/unpublish`, body, SupportPublication));

export function useRequestAttachments(requestId: string) {
  return useQuery({ queryKey: knowledgeKeys.attachments(requestId), queryFn: ({ signal }) => apiGet(`/api/support-requests/${enc(requestId)}/attachments`, SupportAttachmentList, signal) });
}

/** Uploads the files one after the other (each is its own request); the list comes back after each. */
export async function uploadRequestFiles(requestId: string, files: readonly File[]): Promise<SupportAttachmentList | null> {
  let last: SupportAttachmentList | null = null;
  for (const file of files) last = await uploadFile(`/api/support-requests/${enc(requestId)}/attachments${queryString({ filename: file.name })}`, file, 'application/pdf', SupportAttachmentList);
  return last;
}

export function useUploadAttachments(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (files: File[]) => uploadRequestFiles(requestId, files),
    onSettled: () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.attachments(requestId) }),
  });
}

export function useRemoveAttachment(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => apiSend('DELETE', `/api/support-requests/${enc(requestId)}/attachments/${enc(attachmentId)}`, undefined, SupportAttachmentList),
    onSuccess: (list) => queryClient.setQueryData(knowledgeKeys.attachments(requestId), list),
  });
}

export const attachmentUrl = (attachmentId: string) => `/api/support-attachments/${enc(attachmentId)}`;
