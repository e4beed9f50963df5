import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret } from './totp.ts';

const at = new Date('2027-03-01T10:00:15Z');
const codeAt = (secret: string, date: Date) => generate({ secret, epoch: Math.floor(date.getTime() / 1000) });

describe('TOTP codes (RFC 6238)', () => {
  it('matches the RFC 6238 test vector (SHA-1, 59 s → 287082 in 6 digits)', async () => {
    // The RFC's key "12345678901234567890" in base32.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(await generate({ secret, epoch: 59 })).toBe('287082');
    expect(await checkTotp(secret, '287082', null, new Date(59_000))).toBe(1);
  });

  it('accepts the codes of the step before and after, and nothing further', async () => {
    const secret = newTotpSecret();
    const step = Math.floor(at.getTime() / 30_000);
    expect(await checkTotp(secret, await codeAt(secret, at), null, at)).toBe(step);
    expect(await checkTotp(secret, await codeAt(secret, new Date(at.getTime() - 30_000)), null, at)).toBe(step - 1);
    expect(await checkTotp(secret, await codeAt(secret, new Date(at.getTime() + 30_000)), null, at)).toBe(step + 1);
    expect(await checkTotp(secret, await codeAt(secret, new Date(at.getTime() - 90_000)), null, at)).toBeNull();
    expect(await checkTotp(secret, await codeAt(secret, new Date(at.getTime() + 90_000)), null, at)).toBeNull();
  });

  it('refuses a code of a step already used (no replay)', async () => {
    const secret = newTotpSecret();
    const code = await codeAt(secret, at);
    const step = await checkTotp(secret, code, null, at);
    expect(step).not.toBeNull();
    expect(await checkTotp(secret, code, step, at)).toBeNull();
  });

  it('refuses malformed codes', async () => {
    const secret = newTotpSecret();
    for (const code of ['', '12345', '1234567', 'abcdef', '12 345']) expect(await checkTotp(secret, code, null, at)).toBeNull();
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes, hashed the same however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const [first = ''] = codes;
    expect(hashRecoveryCode(first.toUpperCase().replace('-', ' '))).toBe(hashRecoveryCode(first));
    expect(hashRecoveryCode(first)).not.toContain(first.slice(0, 5));
  });
});
