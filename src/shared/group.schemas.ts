import { z } from 'zod';
import { because } from './issue-reason.ts';
import { LocalDateTime, text, webAddress } from './text.ts';

const SectorCode = z.enum(['energy', 'buildings', 'mobility', 'circular-economy', 'industry', 'nature-based-solutions']);

export const LearningPhase = z.object({
  number: z.number().int(),
  title: text(),
  goals: text(),
  startsOn: text(),
  endsOn: text(),
});

export const GroupSummary = z.object({
  id: z.uuid(),
  programmeSlug: text(),
  name: text(),
  description: text(),
  sectors: z.array(SectorCode),
  language: text(),
  capacity: z.number().int(),
  admitted: z.number().int(),
  facilitators: z.array(z.object({ id: z.uuid(), name: text() })),
});
export type GroupSummary = z.infer<typeof GroupSummary>;

export const Membership = z.object({
  cityId: z.uuid(),
  cityName: text(),
  country: text(),
  status: z.enum(['interested', 'admitted', 'declined']),
  sectors: z.array(text()),
  message: text(),
});

export const Group = GroupSummary.extend({
  phases: z.array(LearningPhase),
  /** Only for the group's facilitators, members and programme managers. */
  members: z.array(Membership).nullable(),
  /** What the viewer may do here. */
  viewer: z.object({ canManage: z.boolean(), isMember: z.boolean() }),
});
export type Group = z.infer<typeof Group>;

export const CreateGroupBody = z.object({
  name: text().trim().min(3, 'Use at least 3 characters.').max(200),
  description: text().max(5000).default(''),
  sectors: z.array(SectorCode).min(1, 'Choose at least one sector.').max(6),
  language: text().regex(/^[a-z]{2}$/, 'Use a two-letter language code, e.g. en.'),
  capacity: z.number().int().min(1).max(200),
  facilitatorIds: z.array(z.uuid()).max(10).default([]),
});

export const ExpressInterestBody = z.object({
  cityId: z.uuid(),
  sectors: z.array(SectorCode).max(6).default([]),
  message: text().max(2000).default(''),
});

export const DecideMembershipBody = z.object({ status: z.enum(['admitted', 'declined']) });

export const Meeting = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  phaseNumber: z.number().int(),
  title: text(),
  startsAt: text(),
  durationMinutes: z.number().int(),
  /** Only for participants, facilitators and managers. */
  joinUrl: text().nullable(),
  agenda: text(),
});
export type Meeting = z.infer<typeof Meeting>;

export const CreateMeetingBody = z.object({
  phaseNumber: z.number().int().min(1).max(12),
  title: text().trim().min(1).max(200),
  /** Local date and time in the programme's time zone. */
  startsAtLocal: LocalDateTime,
  durationMinutes: z.number().int().min(15).max(480),
  joinUrl: webAddress({ protocol: /^https$/, error: 'Use an https:// link.' }).nullable().default(null),
  agenda: text().max(5000).default(''),
});

export const AttendanceStatus = z.enum(['present', 'excused', 'absent']);
export const RecordAttendanceBody = z.object({
  records: z.array(z.object({ personId: z.uuid(), status: AttendanceStatus })).min(1).max(500),
});

export const Attendance = z.object({
  meetingId: z.uuid(),
  participants: z.array(z.object({ personId: z.uuid(), name: text(), cityId: z.uuid(), cityName: text(), status: AttendanceStatus.nullable() })),
});

export const GroupProgress = z.object({
  phases: z.array(LearningPhase),
  cities: z.array(
    z.object({
      cityId: z.uuid(),
      cityName: text(),
      phasesCompleted: z.array(z.number().int()),
      complete: z.boolean(),
      meetingsAttended: z.number().int(),
    }),
  ),
  meetings: z.array(z.object({ meetingId: z.uuid(), title: text(), phaseNumber: z.number().int(), startsAt: text(), present: z.number().int(), excused: z.number().int(), absent: z.number().int() })),
});

export const CalendarFeed = z.object({ url: text() });

export const ThreadSummary = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  title: text(),
  pinned: z.boolean(),
  closed: z.boolean(),
  postCount: z.number().int(),
  lastPostAt: text(),
  createdBy: text().nullable(),
});

export const Post = z.object({
  id: z.uuid(),
  author: text().nullable(),
  authorCity: text().nullable(),
  /** Sanitised HTML; null when a facilitator hid the post. */
  bodyHtml: text().nullable(),
  mentionedCities: z.array(z.object({ id: z.uuid(), name: text(), slug: text() })),
  replyTo: z.uuid().nullable(),
  createdAt: text(),
  hidden: z.object({ reason: text(), at: text() }).nullable(),
});

export const ThreadPage = z.object({
  thread: ThreadSummary,
  posts: z.array(Post),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  viewer: z.object({ canModerate: z.boolean(), canPost: z.boolean() }),
});

/** A reply as it was stored: the post, the thread's new count and activity, and the page of the thread that holds it. */
export const PostedReply = z.object({
  post: Post,
  thread: ThreadSummary,
  page: z.number().int(),
});

const PostBody = text().trim().min(1, 'Write something first.').max(20000);
export const CreateThreadBody = z.object({ title: text().trim().min(3, 'Use at least 3 characters.').max(200), body: PostBody, mentionedCityIds: z.array(z.uuid()).max(20).default([]) });
export const CreatePostBody = z.object({ body: PostBody, replyTo: z.uuid().nullable().default(null), mentionedCityIds: z.array(z.uuid()).max(20).default([]) });
export const ModerateThreadBody = z
  .object({ pinned: z.boolean().optional(), closed: z.boolean().optional() })
  .refine((b) => b.pinned !== undefined || b.closed !== undefined, { message: 'Say whether to pin or close the discussion.', path: ['pinned'], ...because('THREAD_CHANGE_EMPTY') });
export const HidePostBody = z.object({ reason: text().trim().min(3, 'Give the reason (kept in the audit log).').max(500) });
export const DigestPreference = z.object({ enabled: z.boolean() });

/** The largest PDF a facilitator may add to a meeting's materials. */
export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;

/** A meeting's material: a link, or a PDF file downloaded from `url` (a path of this platform). */
export const MeetingMaterial = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  title: text(),
  kind: z.enum(['link', 'file']),
  url: text(),
  filename: text().nullable(),
  sizeBytes: z.number().int().nullable(),
  createdAt: text(),
});
export type MeetingMaterial = z.infer<typeof MeetingMaterial>;
export const MeetingMaterials = z.object({ items: z.array(MeetingMaterial) });

const MaterialTitle = text().trim().min(1, 'Give the material a title.').max(200);
export const AddMaterialLinkBody = z.object({
  title: MaterialTitle,
  url: webAddress({ protocol: /^https?$/, error: 'Use a web address starting with https://.' }),
});
export const MaterialFileQuery = z.object({
  title: MaterialTitle,
  filename: text().trim().min(1, 'Give the file’s name.').max(200),
});
