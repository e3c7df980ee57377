import { createHash } from 'node:crypto';
import type { DossierFileView } from '@onedoor/contract';
import type { Command, CommandContext } from '../commands/command.js';
import { lockOpenTask } from '../commands/task-lookup.js';
import { appendDossierEvent, dossierOfInstance, loadDossier, updateDossier, type DossierRecord } from '../persistence/dossiers/dossier-record.js';
import { taskAccess } from '../identity/task-access.js';
import { badInput, conflict, DomainError, ErrorCode } from '../shared/domain-error.js';
import { componentNamed, componentsOfDossier, resultKind } from './dossier-components.js';
import { markComponentsDigitised } from '../persistence/dossier-files/components-digitised.js';
import { isFinalStep } from './final-step.js';
import type { DossierComponentDefinition } from '../model/procedure-graph.js';
import type { DossierFileStore } from './dossier-file-store.js';
import { fileView, insertFileRow, type DossierFileRow } from '../persistence/dossier-files/dossier-file-row.js';
import { cleanFileName, sniffFileType } from './file-content.js';

export interface UploadedFile {
  /** The multipart field the file came in (named in errors). */
  field: string;
  fileName: string;
  bytes: Buffer;
}

/** A component's scan (at reception, online, or later while the dossier is open) or the result at the final step. */
export type FileTarget = { purpose: 'component'; dossierCode: string; componentId: string | undefined } | { purpose: 'result'; taskId: string };

/**
 * Keeps one file of a dossier: checked by its content (PDF, PNG, JPEG only; the name and the
 * claimed type count for nothing), within the size limit, its SHA-256 recorded beside it.
 * A result makes the dossier's result electronic.
 */
export class AddDossierFile implements Command<DossierFileView> {
  readonly name = 'add-dossier-file';

  constructor(
    private readonly target: FileTarget,
    private readonly file: UploadedFile | undefined,
    private readonly store: DossierFileStore,
    private readonly maxBytes: number,
  ) {}

  async execute(ctx: CommandContext): Promise<DossierFileView> {
    const file = checkedFile(this.file, this.maxBytes);
    let dossier: DossierRecord;
    let component: { id: string | null; kind: string; name: string; validMonths?: number };
    let declaredComponents: DossierComponentDefinition[] = [];
    if (this.target.purpose === 'component') {
      dossier = await loadDossier(ctx.sql, this.target.dossierCode, true);
      if (dossier.finished_at) throw conflict(`dossier ${dossier.code} is already finished: its components can no longer change`);
      declaredComponents = await componentsOfDossier(ctx.services.definitions, ctx.sql, dossier.definition_id);
      component = componentNamed(declaredComponents, this.target.componentId);
    } else {
      const { state, task } = await lockOpenTask(ctx, this.target.taskId);
      taskAccess.assertMayWork(ctx.actor, task);
      const found = await dossierOfInstance(ctx.sql, state.instance.rootInstanceId);
      if (!found) throw conflict('this task belongs to no dossier: there is nobody to give a result to');
      dossier = found;
      const definition = await ctx.services.definitions.source(ctx.sql).byId(task.definitionId);
      if (!definition || !isFinalStep(definition.graph, task.elementId)) {
        throw conflict(`the result is attached at the step that returns it (the last step before the end), not at "${task.name ?? task.elementId}"`);
      }
      component = { id: null, kind: resultKind(dossier.procedure_key), name: `Kết quả giải quyết: ${dossier.procedure_name ?? dossier.procedure_key}` };
    }
    const key = await this.store.put(ctx.sql, file.bytes);
    const row: DossierFileRow = {
      id: ctx.services.newId(),
      dossier_code: dossier.code,
      purpose: this.target.purpose,
      component_id: component.id,
      component_kind: component.kind,
      component_name: component.name,
      file_name: cleanFileName(file.fileName, file.type),
      content_type: file.type,
      size_bytes: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      storage: this.store.kind,
      storage_key: key,
      applicant_id_number: dossier.applicant_id_number,
      valid_until: component.validMonths ? addMonths(ctx.now, component.validMonths) : null,
      reused_from: null,
      added_by: ctx.actor.username,
      added_at: ctx.now,
    };
    await insertFileRow(ctx.sql, row);
    if (this.target.purpose === 'component') await markComponentsDigitised(ctx, dossier.code, declaredComponents);
    if (this.target.purpose === 'result') {
      await updateDossier(ctx.sql, dossier, { result_electronic: true, result_file_id: row.id } as Partial<DossierRecord>, ctx.now, ctx.actor.username);
    }
    await appendDossierEvent(ctx.sql, dossier.code, ctx.now, this.target.purpose === 'result' ? 'result_attached' : 'component_digitised', ctx.actor.username, {
      fileId: row.id, componentId: row.component_id, sha256: row.sha256, sizeBytes: row.size_bytes,
    });
    await ctx.audit({ operation: this.target.purpose === 'result' ? 'attach-result' : 'upload-dossier-file', entityType: 'dossier', entityId: dossier.code, instanceId: dossier.instance_id, details: { fileId: row.id, componentId: row.component_id, fileName: row.file_name, sha256: row.sha256, sizeBytes: row.size_bytes } });
    return fileView(row);
  }
}

function checkedFile(file: UploadedFile | undefined, maxBytes: number) {
  if (!file || file.bytes.length === 0) throw badInput('file is required', [{ field: 'file', message: 'send one PDF, PNG or JPEG file in the multipart field "file"' }]);
  if (file.bytes.length > maxBytes) throw new DomainError(ErrorCode.TooLarge, `${file.field} is larger than ${maxBytes} bytes`, [{ field: file.field, message: `at most ${maxBytes} bytes` }]);
  const type = sniffFileType(file.bytes);
  if (!type) throw badInput(`${file.field} is not a PDF, PNG or JPEG file (judged by its content, not its name)`, [{ field: file.field, message: 'only PDF, PNG and JPEG files are kept' }]);
  return { ...file, type };
}

function addMonths(at: Date, months: number): Date {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}
