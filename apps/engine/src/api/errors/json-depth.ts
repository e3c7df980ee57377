/**
 * How deep a request's JSON may nest. Real bodies nest a handful of levels (a dossier's
 * applicant, a variable's object); a body nested thousands deep is an attack on the parser
 * (V8's JSON.parse runs out of stack) or on whatever walks the result afterwards.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether JSON text nests deeper than `max` arrays and objects, found in one pass over the
 * text (brackets inside strings do not count), before anything parses it.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}
