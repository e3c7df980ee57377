import { DomainError, ErrorCode } from '../shared/domain-error.js';
import type { FormSet } from './form-set.js';
import { TT01_2018 } from './form-sets/tt01-2018.js';
import { TT03_2025 } from './form-sets/tt03-2025.js';

/**
 * Every form set the engine can print, by the `form_version` a dossier was received under.
 * A new circular is a new entry here; dossiers already received keep printing with theirs.
 */
export const FORM_SETS: Readonly<Record<string, FormSet>> = Object.freeze({
  [TT01_2018.version]: TT01_2018,
  [TT03_2025.version]: TT03_2025,
});

/** The set in force now: what a register spanning no dossier at all prints with. */
export const CURRENT_FORM_SET = TT03_2025.version;

export function formSetFor(version: string): FormSet {
  const set = Object.hasOwn(FORM_SETS, version) ? FORM_SETS[version] : undefined;
  // Our data, not the caller's: a dossier under a version nobody registered is a conflict to fix, not a 500.
  if (!set) throw new DomainError(ErrorCode.Conflict, `no form set is registered for form version ${version}`);
  return set;
}
