/** A list (ul/ol) laid out by its container: no bullets, no indent. */
export const PLAIN_LIST = { listStyle: 'none', padding: 0, margin: 0 } as const;
