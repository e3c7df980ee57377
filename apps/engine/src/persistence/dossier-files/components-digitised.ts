import type { CommandContext } from '../../commands/command.js';
import type { DossierComponentDefinition } from '../../model/procedure-graph.js';

/**
 * Marks the dossier digitised the first time every required component has a file (uploaded or
 * reused): the moment the digitisation index counts. A procedure with only optional components
 * is digitised with its first file.
 */
export async function markComponentsDigitised(ctx: CommandContext, dossierCode: string, declared: DossierComponentDefinition[]): Promise<void> {
  const rows = await ctx.sql.query<{ component_id: string; digitised: Date | null }>(
    `SELECT DISTINCT f.component_id, d.components_digitised_at AS digitised FROM dossier d JOIN dossier_file f ON f.dossier_code = d.code AND f.purpose = 'component' WHERE d.code = $1`,
    [dossierCode],
  );
  if (rows.length === 0 || rows[0].digitised) return;
  const held = new Set(rows.map((r) => r.component_id));
  if (declared.every((c) => !c.required || held.has(c.id))) {
    await ctx.sql.execute(`UPDATE dossier SET components_digitised_at = $2 WHERE code = $1 AND components_digitised_at IS NULL`, [dossierCode, ctx.now]);
  }
}
