import { createHash } from 'node:crypto';
import type { DossierComponentFilesView, DossierFileView, DossierFilesView, ReusableOfferView } from '@onedoor/contract';
import type { DefinitionCache } from '../../persistence/definition-store.js';
import type { Database, Sql } from '../../persistence/database.js';
import { DomainError, ErrorCode, notFound } from '../../shared/domain-error.js';
import { componentsOfDossier } from '../../dossier-files/dossier-components.js';
import { isFinalStep } from '../../dossier-files/final-step.js';
import type { DossierFileStore, StorageKind } from '../../dossier-files/dossier-file-store.js';
import { fileView, type DossierFileRow } from '../../persistence/dossier-files/dossier-file-row.js';
import { LargeObjectStore } from '../../persistence/dossier-files/large-object-store.js';
import { reusableFilesSql } from '../../persistence/dossier-files/reusable-files-sql.js';

/** A file's bytes, checked against the SHA-256 kept when it was added. */
export interface FileContent {
  file: DossierFileView;
  bytes: Buffer;
}

/** The read side of dossier files: lists, offers of reuse, and downloads that verify what they hand out. */
export class DossierFileQueries {
  private readonly stores: Partial<Record<StorageKind, DossierFileStore>>;

  constructor(
    private readonly db: Database,
    private readonly definitions: DefinitionCache,
    store: DossierFileStore,
  ) {
    // Files stay readable where they were written, whichever store new files go to now.
    this.stores = { 'pg-large-object': new LargeObjectStore(), [store.kind]: store };
  }

  async list(code: string): Promise<DossierFilesView> {
    const dossier = await this.dossier(code);
    const rows = await this.db.query<DossierFileRow & { source_dossier_code: string | null }>(
      `SELECT f.*, s.dossier_code AS source_dossier_code FROM dossier_file f LEFT JOIN dossier_file s ON s.id = f.reused_from
        WHERE f.dossier_code = $1 ORDER BY f.added_at, f.id`,
      [code],
    );
    const [declared, resultStepTaskId] = await this.db.transaction(async (sql) => [
      await componentsOfDossier(this.definitions, sql, dossier.definition_id),
      await this.resultStep(sql, dossier.instance_id),
    ] as const);
    const components: DossierComponentFilesView[] = declared.map((c) => ({
      id: c.id,
      name: c.name,
      required: c.required,
      copies: c.copies ?? null,
      template: c.template ?? null,
      kind: c.kind,
      files: rows.filter((r) => r.purpose === 'component' && r.component_id === c.id).map(fileView),
    }));
    const result = rows.find((r) => r.id === dossier.result_file_id);
    return { components, result: result ? fileView(result) : null, resultElectronic: dossier.result_electronic, resultStepTaskId };
  }

  /** For each of the dossier's components, the applicant's earlier files of the same kind still valid. */
  async reusable(code: string, now: Date): Promise<ReusableOfferView[]> {
    const dossier = await this.dossier(code);
    if (!dossier.applicant_id_number) return [];
    const declared = await this.db.transaction((sql) => componentsOfDossier(this.definitions, sql, dossier.definition_id));
    if (declared.length === 0) return [];
    const rows = await this.db.query<DossierFileRow>(`${reusableFilesSql} ORDER BY f.added_at DESC`, [dossier.applicant_id_number, declared.map((c) => c.kind), code, now]);
    return declared
      .map((c) => ({ componentId: c.id, componentName: c.name, files: rows.filter((r) => r.component_kind === c.kind).map((r) => ({ ...fileView(r), dossierCode: r.dossier_code })) }))
      .filter((offer) => offer.files.length > 0);
  }

  /** One file of the dossier, verified: bytes that no longer match their checksum are never handed out. */
  async read(code: string, fileId: string): Promise<FileContent> {
    if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw notFound('File', fileId);
    const [row] = await this.db.query<DossierFileRow>(`SELECT * FROM dossier_file WHERE id = $1 AND dossier_code = $2`, [fileId, code]);
    if (!row) throw notFound('File', fileId);
    return this.verified(row);
  }

  async verified(row: DossierFileRow): Promise<FileContent> {
    const store = this.stores[row.storage];
    const bytes = store ? await store.get(this.db, row.storage_key) : undefined;
    if (!bytes) throw new DomainError(ErrorCode.Conflict, `the stored file ${row.id} (${row.file_name}) is missing from the ${row.storage} store; it must be uploaded again`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== row.sha256) {
      throw new DomainError(ErrorCode.Conflict, `the stored file ${row.id} (${row.file_name}) no longer matches its SHA-256 checksum: it is corrupted and is not handed out; upload it again`);
    }
    return { file: fileView(row), bytes };
  }

  private async resultStep(sql: Sql, instanceId: string): Promise<string | null> {
    const open = await sql.query<{ id: string; element_id: string; definition_id: string }>(
      `SELECT t.id, t.element_id, t.definition_id FROM task t JOIN process_instance p ON p.id = t.instance_id WHERE p.root_instance_id = $1 ORDER BY t.created_at`,
      [instanceId],
    );
    for (const task of open) {
      const definition = await this.definitions.source(sql).byId(task.definition_id);
      if (definition && isFinalStep(definition.graph, task.element_id)) return task.id;
    }
    return null;
  }

  private async dossier(code: string) {
    const [dossier] = await this.db.query<{ instance_id: string; definition_id: string; applicant_id_number: string | null; result_file_id: string | null; result_electronic: boolean }>(
      `SELECT instance_id, definition_id, applicant_id_number, result_file_id, result_electronic FROM dossier WHERE code = $1`,
      [code],
    );
    if (!dossier) throw notFound('Dossier', code);
    return dossier;
  }
}

