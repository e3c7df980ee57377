import type { DossierFacts } from '../document-data.js';

/** "Tên thủ tục (mã TTHC)" — the procedure as printed on every form. */
export function procedureLine(d: Pick<DossierFacts, 'procedureName' | 'procedureCode'>): string | null {
  if (!d.procedureName) return d.procedureCode;
  return d.procedureCode ? `${d.procedureName} (${d.procedureCode})` : d.procedureName;
}
