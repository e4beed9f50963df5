/**
 * Where to go after signing in. Only paths inside this site are followed, so
 * a crafted link (`?next=https://evil.example`) cannot send people away.
 */
export function safeNextPath(next: string | null, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
