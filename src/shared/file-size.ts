/** A file size for people: "2 MB", "1.5 MB" (one decimal, none when whole). */
export const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
