/**
 * What a shape becomes on the wire. The engine builds its answers with `Date` instants; JSON
 * turns each into its ISO 8601 string (`Date.prototype.toJSON`), and nothing else changes. The
 * contract declares each shape once, as the engine builds it, and the browser reads `Wire<…>`
 * of it: the one mapping from `Date` to string.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** An instant on the wire: ISO 8601 in UTC, as `Date.prototype.toJSON` writes it. */
export type IsoInstant = Wire<Date>;
