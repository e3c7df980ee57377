import { dictionary } from '@zxcvbn-ts/language-common';
import { badInput } from '../shared/domain-error.js';

/**
 * The ~49,000 passwords people use most (the zxcvbn project's list), plus the ones a
 * Vietnamese office reaches for first: the word for password, the agency, the year.
 */
const COMMON = new Set<string>([
  ...(dictionary['passwords-common'] as string[]),
  'matkhau', 'matkhau123', 'matkhau@123', 'motcua', 'motcua123', 'motcuadientu', 'quantri', 'quantri123',
  'admin@123', 'abc@123', '123456a@', 'a123456@', 'vietnam', 'vietnam123', 'hanoi123', 'caobang', 'onedoor', 'demo',
]);

export const PASSWORD_MIN_LENGTH = 10;

/**
 * Why a new password is refused, or undefined when it is fine: long enough, not a common one
 * (nor one with a digit or two tacked on), not the username, not one character repeated. Length
 * beats complexity rules (NIST SP 800-63B): no demand for symbols or capitals.
 */
export function passwordProblem(password: string, username?: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > 200) return 'at most 200 characters';
  const plain = password.toLowerCase();
  const stem = plain.replace(/[\d\W_]+$/u, '');
  if (COMMON.has(plain) || (stem.length >= 4 && COMMON.has(stem))) return 'one of the passwords people use most';
  if (username && plain.includes(username.toLowerCase())) return 'contains the username';
  if (/^(.)\1*$/u.test(password) || new Set(plain).size < 4) return 'too few different characters';
  return undefined;
}

/** Throws 400 naming the field when the password is refused. */
export function assertPasswordAllowed(password: string, field: string, username?: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw badInput(`the password is refused: ${problem}`, [{ field, message: problem }]);
}
