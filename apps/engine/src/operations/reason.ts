import { badInput } from '../shared/domain-error.js';

/** Every intervention on a legal record says why: the reason goes to the audit log with it. */
export function requireReason(reason: unknown): string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (!text) throw badInput('an intervention needs a reason', [{ field: 'reason', message: 'say why (kept in the audit log)' }]);
  if (text.length > 2000) throw badInput('reason is too long', [{ field: 'reason', message: 'at most 2000 characters' }]);
  return text;
}
