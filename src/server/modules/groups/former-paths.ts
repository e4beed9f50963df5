/**
 * A discussion group's meetings were called "sessions" until migration 0016,
 * and so were their API paths. Links to the old paths live on where the
 * platform cannot change them (.ics links in emails already sent, calendar
 * entries, bookmarked downloads), so each meeting route is registered at its
 * former path too: the same handler and access policy, marked deprecated in
 * the OpenAPI document (where the authorisation matrix finds and checks it).
 */
export function withFormerPath(path: string, former: string) {
  return [
    { url: path, marks: {} },
    { url: former, marks: { deprecated: true } },
  ] as const;
}
