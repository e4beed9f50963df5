import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe. */
export const newToken = () => randomBytes(32).toString('base64url');

/** Tokens are stored only as their SHA-256; a copied table opens nothing. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
