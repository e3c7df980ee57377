import { badInput } from '../shared/domain-error.js';

/** Largest JSON size of one command's variables: dossiers carry data, not scanned files. */
export const MAX_VARIABLES_BYTES = 256 * 1024;
const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Variables must be FEEL-addressable names with JSON values of bounded size. */
export function checkVariables(variables: Record<string, unknown>, field = 'variables'): void {
  if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) throw badInput(`${field} must be an object`, [{ field, message: 'must be an object' }]);
  for (const name of Object.keys(variables)) {
    if (!NAME.test(name)) throw badInput(`variable name "${name}" is not allowed`, [{ field: `${field}.${name}`, message: 'use letters, digits and _ (not starting with a digit), so FEEL conditions can read it' }]);
  }
  const size = Buffer.byteLength(JSON.stringify(variables));
  if (size > MAX_VARIABLES_BYTES) throw badInput(`variables are ${size} bytes; at most ${MAX_VARIABLES_BYTES}`, [{ field, message: 'too large' }]);
}
