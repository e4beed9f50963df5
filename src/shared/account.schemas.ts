import { z } from 'zod';
import { Role, RoleGrant } from './roles.ts';
import { PageQuery, pageOf } from './pagination.ts';
import { because } from './issue-reason.ts';
import { OptIns, PrivacyStatus, privacyNoticeRead, privacyNoticeVersion } from './privacy.schemas.ts';
import { text } from './text.ts';

/** NIST SP 800-63B: length only, no composition rules. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const Password = text()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const Email = text()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('Enter a valid email address.'));

export const Locale = z.enum(['en', 'fr', 'de']);
export type Locale = z.infer<typeof Locale>;

export const CurrentUser = z.object({
  id: text().uuid(),
  email: text(),
  name: text(),
  locale: Locale,
  roles: z.array(RoleGrant),
  /** Registered and verified, not approved yet: may read public pages and their registration only (decision 0020). */
  pendingApproval: z.literal(true).optional(),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

/** GET /api/session: who is signed in (or null) and the CSRF token for mutations. */
export const SessionState = z.object({
  user: CurrentUser.nullable(),
  csrfToken: text(),
  /** The password was right and the account asks for a code next (POST /api/session/second-step). */
  secondStep: z.literal(true).optional(),
});
export type SessionState = z.infer<typeof SessionState>;

export const SignInBody = z.object({
  email: Email,
  password: text().min(1, 'Enter your password.').max(PASSWORD_MAX),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const UpdateMeBody = z.object({
  name: text().trim().min(1, 'Enter your name.').max(120),
  locale: Locale,
});
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

export const ChangePasswordBody = z.object({
  currentPassword: text().min(1).max(PASSWORD_MAX),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** Roles an invitation grants besides its first: never a city's (a city representative's role comes first). */
export const OtherRole = Role.exclude(['city_representative']);
export type OtherRole = z.infer<typeof OtherRole>;

/** A city representative's role names its city; other roles name none (a grant, an invitation). */
export const cityMatchesRole = (v: { role: Role; cityId: string | null }) => (v.role === 'city_representative') === (v.cityId !== null);
export const CITY_FOR_ROLE = { message: 'A city representative needs a city; other roles take none.', path: ['cityId'], ...because('ROLE_CITY_MISMATCH') };

export const CreateInvitationBody = z
  .object({
    email: Email,
    name: text().trim().min(1, 'Enter the person’s name.').max(120),
    role: Role,
    cityId: text().uuid().nullable().default(null),
    primaryContact: z.boolean().default(false),
    /** More roles the same invitation grants (a facilitator who also evaluates). */
    otherRoles: z.array(OtherRole).max(OtherRole.options.length).default([]),
  })
  .refine(cityMatchesRole, CITY_FOR_ROLE)
  .refine((v) => new Set([v.role, ...v.otherRoles]).size === v.otherRoles.length + 1, {
    message: 'Name each role once.',
    path: ['otherRoles'],
    ...because('ROLES_REPEATED'),
  });
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'expired', 'revoked']);
export const Invitation = z.object({
  id: text().uuid(),
  email: text(),
  name: text(),
  role: Role,
  cityId: text().uuid().nullable(),
  cityName: text().nullable(),
  otherRoles: z.array(OtherRole),
  status: InvitationStatus,
  invitedBy: text(),
  createdAt: text(),
  expiresAt: text(),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationPage = pageOf(Invitation);

/** GET /api/invitations: newest first, optionally only those sent to one address. */
export const InvitationQuery = PageQuery.extend({ email: Email.optional() });

/** What the invitee sees before choosing a password (no secrets). */
export const InvitationPreview = z.object({
  email: text(),
  name: text(),
  role: Role,
  cityName: text().nullable(),
  otherRoles: z.array(OtherRole),
  existingAccount: z.boolean(),
  expiresAt: text(),
  /** The privacy notice in force, which accepting confirms. */
  privacyNoticeVersion: text(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AcceptInvitationBody = z.object({
  name: text().trim().min(1, 'Enter your name.').max(120),
  password: Password,
  /** The version of the privacy notice the person read (the preview names the one in force). */
  privacyNoticeVersion,
  privacyNoticeRead,
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

export const RequestPasswordResetBody = z.object({ email: Email });
export const ResetPasswordBody = z.object({ password: Password });

export const TokenParams = z.object({ token: text().min(20).max(200) });

/** GET /api/me: my account, where I stand with the privacy notice, and my opt-ins. */
export const Me = CurrentUser.extend({ privacy: PrivacyStatus, optIns: OptIns });
export type Me = z.infer<typeof Me>;
