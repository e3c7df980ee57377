import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Six digits, from the system's secure generator. */
export const newOneTimeCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Only a hash is kept, salted with the row's id so equal codes never share a hash. */
export const hashCode = (rowId: string, code: string) => createHash('sha256').update(`${rowId}:${code}`).digest('hex');

export function codeMatches(rowId: string, given: string, storedHash: string): boolean {
  if (!/^\d{6}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(hashCode(rowId, given), 'hex'), Buffer.from(storedHash, 'hex'));
}

/** A download token: 32 random bytes in the URL, its SHA-256 in the database. */
export function newDownloadToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** How a released result is guarded: lifetimes and counts (configuration for a deployment). */
export const RESULT_ACCESS_RULES = {
  codeMinutes: 10,
  attemptsPerCode: 5,
  codesPerHour: 3,
  downloadMinutes: 15,
} as const;

/** The phone with all but its last 3 digits hidden, for messages and logs. */
export const maskedPhone = (phone: string) => `${'*'.repeat(Math.max(0, phone.replace(/\D/g, '').length - 3))}${phone.replace(/\D/g, '').slice(-3)}`;
