import { createHash, timingSafeEqual } from 'node:crypto';

/** Longest phone input compared at all; anything longer simply doesn't match. */
const MAX_LENGTH = 50;

/**
 * Whether the phone an applicant types is the one on the dossier, forgiving spaces, dots and the
 * +84 / 0084 country prefix ("+84 912 345 678" ≡ "0912345678"). A dossier without a phone never
 * matches, so it can't be looked up publicly.
 */
export function phoneMatches(given: string | undefined, stored: string | null): boolean {
  if (!given || !stored || given.length > MAX_LENGTH) return false;
  const a = normalise(given);
  const b = normalise(stored);
  if (a.length < 8 || b.length < 8) return false;
  return timingSafeEqual(digest(a), digest(b));
}

function normalise(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0084')) return `0${digits.slice(4)}`;
  if (digits.startsWith('84') && digits.length >= 11) return `0${digits.slice(2)}`;
  return digits;
}

const digest = (text: string) => createHash('sha256').update(text).digest();
