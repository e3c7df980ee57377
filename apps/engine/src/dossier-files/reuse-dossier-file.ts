import type { DossierFileView } from '@onedoor/contract';
import type { Command, CommandContext } from '../commands/command.js';
import { appendDossierEvent, loadDossier } from '../persistence/dossiers/dossier-record.js';
import { badInput, conflict } from '../shared/domain-error.js';
import { componentNamed, componentsOfDossier } from './dossier-components.js';
import { fileView, insertFileRow, recordReuse, reusableFile, type DossierFileRow } from '../persistence/dossier-files/dossier-file-row.js';
import { markComponentsDigitised } from '../persistence/dossier-files/components-digitised.js';

/**
 * Attaches to a dossier's component a file the same applicant (by identity number) handed in
 * with an earlier dossier, or received as a result: a reference to the same stored bytes, not a
 * copy, and a line in dossier_file_reuse saying who reused what from where.
 */
export class ReuseDossierFile implements Command<DossierFileView> {
  readonly name = 'reuse-dossier-file';

  constructor(
    private readonly dossierCode: string,
    private readonly componentId: string,
    private readonly sourceFileId: string,
  ) {}

  async execute(ctx: CommandContext): Promise<DossierFileView> {
    const dossier = await loadDossier(ctx.sql, this.dossierCode, true);
    if (dossier.finished_at) throw conflict(`dossier ${dossier.code} is already finished: its components can no longer change`);
    const declared = await componentsOfDossier(ctx.services.definitions, ctx.sql, dossier.definition_id);
    const component = componentNamed(declared, this.componentId);
    if (!dossier.applicant_id_number) throw badInput('the applicant has no identity number on this dossier: nothing can be reused', [{ field: 'fileId', message: 'reuse needs the applicant’s identity number' }]);
    const validId = /^[0-9a-f-]{36}$/i.test(this.sourceFileId);
    const source = validId ? await reusableFile(ctx.sql, [dossier.applicant_id_number, [component.kind], dossier.code, ctx.now, this.sourceFileId]) : undefined;
    // One answer for "no such file" and "someone else's file": the answer must not reveal other applicants' files.
    if (!source) throw badInput(`file ${this.sourceFileId} is not a valid file of this applicant for "${component.name}"`, [{ field: 'fileId', message: 'not a reusable file of this applicant and component kind' }]);
    const row: DossierFileRow = {
      ...source,
      id: ctx.services.newId(),
      dossier_code: dossier.code,
      purpose: 'component',
      component_id: component.id,
      component_kind: component.kind,
      component_name: component.name,
      reused_from: source.id,
      added_by: ctx.actor.username,
      added_at: ctx.now,
    };
    await insertFileRow(ctx.sql, row);
    await recordReuse(ctx.sql,
      [dossier.code, component.id, component.kind, row.id, source.id, source.dossier_code, dossier.applicant_id_number, ctx.actor.username, ctx.now],
    );
    await markComponentsDigitised(ctx, dossier.code, declared);
    await appendDossierEvent(ctx.sql, dossier.code, ctx.now, 'component_reused', ctx.actor.username, { fileId: row.id, componentId: component.id, sourceFileId: source.id, sourceDossier: source.dossier_code });
    await ctx.audit({ operation: 'reuse-dossier-file', entityType: 'dossier', entityId: dossier.code, instanceId: dossier.instance_id, details: { fileId: row.id, componentId: component.id, sourceFileId: source.id, sourceDossier: source.dossier_code } });
    return fileView({ ...row, source_dossier_code: source.dossier_code });
  }
}
