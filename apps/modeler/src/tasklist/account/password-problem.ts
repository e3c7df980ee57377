import { i18n } from '../../shared/i18n.js';

/**
 * The engine names why a password is refused in a few fixed English phrases (password-policy.ts);
 * the form shows them under the field, in the user's language.
 */
const PROBLEMS: Record<string, string> = {
  'one of the passwords people use most': 'This is one of the passwords people use most.',
  'contains the username': 'The password must not contain the username.',
  'too few different characters': 'The password has too few different characters.',
  'at most 200 characters': 'The password may have at most 200 characters.',
  'same as the current password': 'The new password must differ from the current one.',
  'wrong password': 'The current password is wrong.',
};

export function passwordProblemText(problem: string): string {
  const t = i18n.t;
  const length = /^at least (\d+) characters$/.exec(problem);
  if (length) return t('The password needs at least {count} characters.', { count: length[1] });
  return PROBLEMS[problem] ? t(PROBLEMS[problem]) : problem;
}
