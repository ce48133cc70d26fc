// Shared by the result page's view: no secrets here, so no server-only.

/** Whether an issued pass has run out (the result page then says so instead of "valid until"). */
export function hasExpired(expiresAt: Date | null, now = new Date()): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}
