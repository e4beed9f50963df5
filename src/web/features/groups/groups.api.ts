import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { z } from 'zod';
import {
  Attendance,
  Group,
  GroupProgress,
  GroupSummary,
  PostedReply,
  Meeting,
  MeetingMaterial,
  MeetingMaterials,
  ThreadPage,
  ThreadSummary,
  AddMaterialLinkBody,
  MaterialFileQuery,
  type CreateGroupBody,
  type CreatePostBody,
  type CreateMeetingBody,
  type CreateThreadBody,
  type ExpressInterestBody,
  type HidePostBody,
  type RecordAttendanceBody,
} from '../../../shared/group.schemas.ts';
import { pageOf } from '../../../shared/pagination.ts';
import { EligibilityAnswer, Programme, ProgrammeSummary } from '../../../shared/programme.schemas.ts';
import { apiGet, apiSend, queryString } from '../../lib/api-client.ts';
import { uploadFile } from '../../lib/upload.ts';

const enc = encodeURIComponent;
const GroupList = z.object({ items: z.array(GroupSummary) });
const MeetingList = z.object({ items: z.array(Meeting) });
const ProgrammePage = pageOf(ProgrammeSummary);
const ThreadList = pageOf(ThreadSummary);

export const groupKeys = {
  all: ['groups'] as const,
  programmes: ['groups', 'programmes'] as const,
  ofProgramme: (slug: string) => ['groups', 'programme', slug] as const,
  group: (id: string) => ['groups', 'group', id] as const,
  meetings: (id: string) => ['groups', 'group', id, 'meetings'] as const,
  materials: (id: string) => ['groups', 'group', id, 'materials'] as const,
  progress: (id: string) => ['groups', 'group', id, 'progress'] as const,
  threads: (id: string) => ['groups', 'group', id, 'threads'] as const,
  attendance: (meetingId: string) => ['groups', 'attendance', meetingId] as const,
  thread: (id: string) => ['groups', 'thread', id] as const,
};


/** Every programme (newest first), to list their groups on /groups. */
export function useProgrammes() {
  return useQuery({ queryKey: groupKeys.programmes, queryFn: ({ signal }) => apiGet(`/api/programmes${queryString({ pageSize: 100 })}`, ProgrammePage, signal) });
}

export function useProgramme(slug: string) {
  return useQuery({ queryKey: ['groups', 'programme-detail', slug], queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}`, Programme, signal) });
}

export function useProgrammeGroups(slug: string) {
  return useQuery({ queryKey: groupKeys.ofProgramme(slug), queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}/groups`, GroupList, signal) });
}

/**
 * A mutation that, once it succeeded, keeps in the cache what its answer
 * already holds (`cache`) and fetches again the queries it made stale.
 */
function useGroupsMutation<V, R>(send: (vars: V) => Promise<R>, after: { cache?: (result: R) => [QueryKey, unknown][]; stale: (result: R) => QueryKey[] }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      for (const [key, data] of after.cache?.(result) ?? []) queryClient.setQueryData(key, data);
      await Promise.all(after.stale(result).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

export function useCreateGroup(slug: string) {
  return useGroupsMutation((body: z.output<typeof CreateGroupBody>) => apiSend('POST', `/api/programmes/${enc(slug)}/groups`, body, Group), {
    cache: (group) => [[groupKeys.group(group.id), group]],
    stale: () => [groupKeys.ofProgramme(slug)],
  });
}

export function useGroup(id: string) {
  return useQuery({ queryKey: groupKeys.group(id), queryFn: ({ signal }) => apiGet(`/api/groups/${enc(id)}`, Group, signal) });
}

/** Mutations answering with the whole group replace it in the cache. */
function useGroupMutation<V>(id: string, send: (vars: V) => Promise<Group>) {
  return useGroupsMutation(send, {
    cache: (group) => [[groupKeys.group(id), group]],
    stale: (group) => [groupKeys.ofProgramme(group.programmeSlug), groupKeys.progress(id)],
  });
}

export function useExpressInterest(id: string) {
  return useGroupMutation(id, (body: z.output<typeof ExpressInterestBody>) => apiSend('POST', `/api/groups/${enc(id)}/interest`, body, Group));
}

export function useDecideMember(id: string) {
  return useGroupMutation(id, ({ cityId, status }: { cityId: string; status: 'admitted' | 'declined' }) =>
    apiSend('PUT', `/api/groups/${enc(id)}/members/${enc(cityId)}`, { status }, Group),
  );
}

export function useMeetings(groupId: string) {
  return useQuery({ queryKey: groupKeys.meetings(groupId), queryFn: ({ signal }) => apiGet(`/api/groups/${enc(groupId)}/meetings`, MeetingList, signal) });
}

export function useCreateMeeting(groupId: string) {
  return useGroupsMutation((body: z.output<typeof CreateMeetingBody>) => apiSend('POST', `/api/groups/${enc(groupId)}/meetings`, body, Meeting), { stale: () => [groupKeys.meetings(groupId)] });
}

/** Materials of all the group's meetings (for its members, facilitators and programme managers). */
export function useMaterials(groupId: string, enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.materials(groupId),
    queryFn: ({ signal }) => apiGet(`/api/groups/${enc(groupId)}/materials`, MeetingMaterials, signal),
    enabled,
  });
}

/** A meeting's new material as its form checks it: a link (the request body), or a PDF file and its title (the upload's query). */
export const NewMaterial = z.discriminatedUnion('kind', [
  AddMaterialLinkBody.extend({ kind: z.literal('link') }),
  z.object({ kind: z.literal('file'), title: MaterialFileQuery.shape.title, file: z.instanceof(File) }),
]);

export function useAddMaterial(groupId: string, meetingId: string) {
  return useGroupsMutation(
    (material: z.output<typeof NewMaterial>) =>
      material.kind === 'link'
        ? apiSend('POST', `/api/meetings/${enc(meetingId)}/materials`, { title: material.title, url: material.url }, MeetingMaterial)
        : uploadFile(
            `/api/meetings/${enc(meetingId)}/materials/file${queryString({ title: material.title, filename: material.file.name })}`,
            material.file,
            material.file.type || 'application/octet-stream',
            MeetingMaterial,
          ),
    { stale: () => [groupKeys.materials(groupId)] },
  );
}

export function useRemoveMaterial(groupId: string) {
  return useGroupsMutation((id: string) => apiSend('DELETE', `/api/meeting-materials/${enc(id)}`), { stale: () => [groupKeys.materials(groupId)] });
}

export function useAttendance(meetingId: string) {
  return useQuery({ queryKey: groupKeys.attendance(meetingId), queryFn: ({ signal }) => apiGet(`/api/meetings/${enc(meetingId)}/attendance`, Attendance, signal) });
}

export function useRecordAttendance(groupId: string, meetingId: string) {
  return useGroupsMutation((body: z.output<typeof RecordAttendanceBody>) => apiSend('PUT', `/api/meetings/${enc(meetingId)}/attendance`, body, Attendance), {
    cache: (sheet) => [[groupKeys.attendance(meetingId), sheet]],
    stale: () => [groupKeys.progress(groupId)],
  });
}

export function useProgress(groupId: string, enabled: boolean) {
  return useQuery({ queryKey: groupKeys.progress(groupId), queryFn: ({ signal }) => apiGet(`/api/groups/${enc(groupId)}/progress`, GroupProgress, signal), enabled });
}

export function useEligibility(slug: string, cityId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['groups', 'eligibility', slug, cityId],
    queryFn: ({ signal }) => apiGet(`/api/programmes/${enc(slug)}/calls/visitor/eligibility${queryString({ cityId })}`, EligibilityAnswer, signal),
    enabled,
  });
}

export function useThreads(groupId: string, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: [...groupKeys.threads(groupId), { page, pageSize }],
    queryFn: ({ signal }) => apiGet(`/api/groups/${enc(groupId)}/threads${queryString({ page, pageSize })}`, ThreadList, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateThread(groupId: string) {
  return useGroupsMutation((body: z.output<typeof CreateThreadBody>) => apiSend('POST', `/api/groups/${enc(groupId)}/threads`, body, ThreadPage), {
    cache: (page) => [[[...groupKeys.thread(page.thread.id), { page: 1 }], page]],
    stale: () => [groupKeys.threads(groupId)],
  });
}

export function useThread(id: string, page: number) {
  return useQuery({
    queryKey: [...groupKeys.thread(id), { page }],
    queryFn: ({ signal }) => apiGet(`/api/threads/${enc(id)}${queryString({ page })}`, ThreadPage, signal),
    placeholderData: keepPreviousData,
  });
}

/** Thread mutations answer with a page of the thread; the cache is refreshed for every page. */
function useThreadMutation<V>(id: string, send: (vars: V) => Promise<z.output<typeof ThreadPage>>) {
  return useGroupsMutation(send, {
    cache: (page) => [[[...groupKeys.thread(id), { page: page.page }], page]],
    stale: (page) => [groupKeys.thread(id), groupKeys.threads(page.thread.groupId)],
  });
}

/** A reply answers the stored post and the page that holds it; the thread's pages are fetched again. */
export function useReply(threadId: string) {
  return useGroupsMutation((body: z.output<typeof CreatePostBody>) => apiSend('POST', `/api/threads/${enc(threadId)}/posts`, body, PostedReply), {
    stale: (posted) => [groupKeys.thread(threadId), groupKeys.threads(posted.thread.groupId)],
  });
}

export function useModerateThread(threadId: string) {
  return useThreadMutation(threadId, (body: { pinned?: boolean; closed?: boolean }) => apiSend('PATCH', `/api/threads/${enc(threadId)}`, body, ThreadPage));
}

/** Hides one post of the thread (`postId`: the post the dialog is open for). */
export function useHidePost(threadId: string, postId: string) {
  return useThreadMutation(threadId, (body: z.output<typeof HidePostBody>) => apiSend('POST', `/api/posts/${enc(postId)}/hide`, body, ThreadPage));
}

export const meetingCalendarUrl = (meetingId: string) => `/api/meetings/${enc(meetingId)}/calendar.ics`;
