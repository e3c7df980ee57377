import type { DossierFileView } from '@onedoor/contract';
import type { DossierFileType } from '../../dossier-files/file-content.js';
import type { StorageKind } from '../../dossier-files/dossier-file-store.js';
import type { Sql } from '../database.js';
import { reusableFilesSql } from './reusable-files-sql.js';

/** A row of dossier_file: one file of a dossier, uploaded or reused. */
export interface DossierFileRow {
  id: string;
  dossier_code: string;
  purpose: 'component' | 'result';
  component_id: string | null;
  component_kind: string;
  component_name: string;
  file_name: string;
  content_type: DossierFileType;
  size_bytes: number;
  sha256: string;
  storage: StorageKind;
  storage_key: string;
  applicant_id_number: string | null;
  valid_until: Date | null;
  reused_from: string | null;
  added_by: string;
  added_at: Date;
}

export function fileView(row: DossierFileRow & { source_dossier_code?: string | null }): DossierFileView {
  return {
    id: row.id,
    purpose: row.purpose,
    componentId: row.component_id,
    componentName: row.component_name,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    reused: row.reused_from !== null,
    reusedFromDossier: row.source_dossier_code ?? null,
    validUntil: row.valid_until,
    addedBy: row.added_by,
    addedAt: row.added_at,
  };
}

export const FILE_COLUMNS = ['id', 'dossier_code', 'purpose', 'component_id', 'component_kind', 'component_name', 'file_name', 'content_type', 'size_bytes', 'sha256', 'storage', 'storage_key', 'applicant_id_number', 'valid_until', 'reused_from', 'added_by', 'added_at'] as const;

export async function insertFileRow(sql: { execute(text: string, params?: unknown[]): Promise<void> }, row: DossierFileRow): Promise<void> {
  await sql.execute(
    `INSERT INTO dossier_file (${FILE_COLUMNS.join(', ')}) VALUES (${FILE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
    FILE_COLUMNS.map((c) => row[c]),
  );
}

/** One of the applicant's earlier files that may stand in for a component of `dossierCode` (reusable-files-sql.ts). */
export async function reusableFile(sql: Pick<Sql, 'query'>, params: [idNumber: string | null, kinds: string[], dossierCode: string, now: Date, fileId: string]): Promise<DossierFileRow | undefined> {
  const [source] = await sql.query<DossierFileRow>(`${reusableFilesSql} AND f.id = $5`, params);
  return source;
}

/** The reuse, recorded beside the new file row (who reused which original, for which component). */
export async function recordReuse(sql: Pick<Sql, 'execute'>, params: unknown[]): Promise<void> {
  await sql.execute(
    `INSERT INTO dossier_file_reuse (dossier_code, component_id, component_kind, file_id, source_file_id, source_dossier_code, applicant_id_number, reused_by, reused_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    params,
  );
}
