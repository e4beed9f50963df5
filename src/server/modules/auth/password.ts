import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const paramsFor = (logN: number): ScryptOptions => ({ N: 2 ** logN, r: 8, p: 1, maxmem: 256 * 2 ** logN * 8 + 1024 * 1024 });

/**
 * scrypt with N = 2^cost, r = 8, p = 1 (OWASP: cost 17). The cost is stored
 * with the hash so it can be raised later without breaking old passwords.
 */
export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, paramsFor(cost));
  return `scrypt$${cost}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, costText, saltText, keyText] = stored.split('$');
  const cost = Number(costText);
  if (scheme !== 'scrypt' || !Number.isInteger(cost) || cost < 10 || cost > 20 || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64url');
  const actual = await scrypt(password, Buffer.from(saltText, 'base64url'), paramsFor(cost));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A hash that no password matches, verified against when an account does not exist to keep timing even. */
export const hashForTimingOnly = (cost: number) => hashPassword(randomBytes(24).toString('base64url'), cost);
