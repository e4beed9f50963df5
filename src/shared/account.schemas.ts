import { z } from 'zod';
import { Role, RoleGrant } from './roles.ts';
import { pageOf } from './pagination.ts';

/** NIST SP 800-63B: length only, no composition rules. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const Password = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('Enter a valid email address.'));

export const Locale = z.enum(['en', 'fr', 'de']);
export type Locale = z.infer<typeof Locale>;

export const CurrentUser = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  locale: Locale,
  roles: z.array(RoleGrant),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

/** GET /api/session: who is signed in (or null) and the CSRF token for mutations. */
export const SessionState = z.object({
  user: CurrentUser.nullable(),
  csrfToken: z.string(),
});
export type SessionState = z.infer<typeof SessionState>;

export const SignInBody = z.object({
  email: Email,
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const UpdateMeBody = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(120),
  locale: Locale,
});
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const CreateInvitationBody = z
  .object({
    email: Email,
    name: z.string().trim().min(1, 'Enter the person’s name.').max(120),
    role: Role,
    cityId: z.string().uuid().nullable().default(null),
    primaryContact: z.boolean().default(false),
  })
  .refine((v) => (v.role === 'city_representative') === (v.cityId !== null), {
    message: 'A city representative needs a city; other roles take none.',
    path: ['cityId'],
  });
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'expired', 'revoked']);
export const Invitation = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  cityId: z.string().uuid().nullable(),
  cityName: z.string().nullable(),
  status: InvitationStatus,
  invitedBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationPage = pageOf(Invitation);

/** What the invitee sees before choosing a password (no secrets). */
export const InvitationPreview = z.object({
  email: z.string(),
  name: z.string(),
  role: Role,
  cityName: z.string().nullable(),
  existingAccount: z.boolean(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AcceptInvitationBody = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(120),
  password: Password,
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

export const RequestPasswordResetBody = z.object({ email: Email });
export const ResetPasswordBody = z.object({ password: Password });

export const TokenParams = z.object({ token: z.string().min(20).max(200) });
