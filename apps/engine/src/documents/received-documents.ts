import type { ReceivedDocument } from './document-data.js';

/** Instance variables that may list the documents handed in, in order of preference. */
export const DOCUMENT_VARIABLES = ['documents', 'receivedDocuments', 'thanhPhanHoSo'] as const;

const MAX_ITEMS = 200;

/**
 * The documents handed in, from whatever the desk stored: a list of names, or of objects with a
 * name (`name`/`ten`/`title`) and a quantity (`copies`/`quantity`/`soLuong`). Anything else is
 * ignored — the slip then simply has no document table.
 */
export function receivedDocumentsOf(value: unknown): ReceivedDocument[] {
  if (!Array.isArray(value)) return [];
  const out: ReceivedDocument[] = [];
  for (const item of value.slice(0, MAX_ITEMS)) {
    if (typeof item === 'string' && item.trim() !== '') out.push({ name: item.trim(), copies: null });
    else if (item && typeof item === 'object') {
      const o = item as Record<string, unknown>;
      const name = [o.name, o.ten, o.title].find((x): x is string => typeof x === 'string' && x.trim() !== '');
      const copies = [o.copies, o.quantity, o.soLuong].find((x) => typeof x === 'string' || typeof x === 'number');
      if (name) out.push({ name: name.trim(), copies: copies === undefined ? null : String(copies) });
    }
  }
  return out;
}
