import { z } from 'zod';
import { text } from './text.ts';

/** Two-step sign-in (docs/decisions/0027-two-factor.md). */

/** Six digits from the authenticator app; spaces people type are ignored. */
export const TotpCode = text()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(text().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'));

/** A TOTP code or one of the recovery codes (xxxxx-xxxxx). */
export const SecondFactorCode = text()
  .max(40)
  .transform((v) => v.replace(/\s/g, '').toLowerCase())
  .pipe(text().regex(/^(\d{6}|[a-z0-9]{5}-?[a-z0-9]{5})$/, 'Enter the 6-digit code or a recovery code.'));

export const RememberedDevice = z.object({
  id: text().uuid(),
  createdAt: text(),
  lastUsedAt: text().nullable(),
  expiresAt: text(),
  userAgent: text().nullable(),
});
export type RememberedDevice = z.infer<typeof RememberedDevice>;

export const TwoFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: text().nullable(),
  recoveryCodesLeft: z.number().int(),
  /** Whether the platform requires it of this person (programme managers, when the setting is on). */
  required: z.boolean(),
  rememberedDevices: z.array(RememberedDevice),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;

/** Shown once: the secret as text and as a QR code of its otpauth:// URI. */
export const TwoFactorEnrolment = z.object({
  secret: text(),
  otpauthUri: text(),
  qrCodeDataUrl: text(),
});
export type TwoFactorEnrolment = z.infer<typeof TwoFactorEnrolment>;

export const ConfirmTwoFactorBody = z.object({ code: TotpCode });
export type ConfirmTwoFactorBody = z.infer<typeof ConfirmTwoFactorBody>;

/** Shown once; stored only as hashes. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(text()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const RegenerateRecoveryCodesBody = z.object({ code: TotpCode });

export const DisableTwoFactorBody = z.object({
  password: text().min(1, 'Enter your password.').max(200),
  code: SecondFactorCode,
});
export type DisableTwoFactorBody = z.infer<typeof DisableTwoFactorBody>;

export const SecondStepBody = z.object({
  code: SecondFactorCode,
  rememberDevice: z.boolean().default(false),
});
export type SecondStepBody = z.infer<typeof SecondStepBody>;
