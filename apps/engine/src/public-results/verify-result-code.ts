import type { Command, CommandContext } from '../commands/command.js';
import { badInput, conflict } from '../shared/domain-error.js';
import { applicantDossier, resultReleased } from '../persistence/public-results/applicant.js';
import { codeMatches, newDownloadToken, RESULT_ACCESS_RULES } from './one-time-code.js';

export interface ResultRelease {
  /** Opens the result for a short while; the token in it is the only key. */
  downloadUrl: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  expiresAt: Date;
}

type Outcome = { ok: true; release: ResultRelease } | { ok: false; message: string };

/**
 * The applicant gives the one-time code: right, and the code is spent and a short-lived download
 * token is issued; wrong, and one attempt is counted (the code dies after the last one).
 * The attempt is committed even when the answer is an error, so guessing is always counted.
 */
export class VerifyResultCode implements Command<Outcome> {
  readonly name = 'verify-result-code';

  constructor(
    private readonly code: string,
    private readonly phone: string | undefined,
    private readonly oneTimeCode: string,
  ) {}

  async execute(ctx: CommandContext): Promise<Outcome> {
    const dossier = await applicantDossier(ctx.sql, this.code, this.phone);
    if (!resultReleased(dossier)) throw conflict('this dossier has no electronic result to hand out (yet)');
    const [current] = await ctx.sql.query<{ id: string; code_hash: string; attempts: number }>(
      `SELECT id, code_hash, attempts FROM result_access_code WHERE dossier_code = $1 AND used_at IS NULL AND expires_at > $2 ORDER BY created_at DESC LIMIT 1`,
      [dossier.code, ctx.now],
    );
    if (!current) return { ok: false, message: 'no valid code: ask for a new one-time code' };
    if (!codeMatches(current.id, this.oneTimeCode, current.code_hash)) {
      const attempts = current.attempts + 1;
      const left = RESULT_ACCESS_RULES.attemptsPerCode - attempts;
      await ctx.sql.execute(`UPDATE result_access_code SET attempts = $2${left <= 0 ? ', used_at = $3' : ''} WHERE id = $1`, left <= 0 ? [current.id, attempts, ctx.now] : [current.id, attempts]);
      await ctx.audit({ operation: 'result-code-refused', entityType: 'dossier', entityId: dossier.code, details: { attempts } });
      return { ok: false, message: left > 0 ? `wrong code; ${left} attempt(s) left` : 'wrong code; this code is void now, ask for a new one' };
    }
    await ctx.sql.execute(`UPDATE result_access_code SET used_at = $2, attempts = attempts + 1 WHERE id = $1`, [current.id, ctx.now]);
    const { token, hash } = newDownloadToken();
    const expiresAt = new Date(ctx.now.getTime() + RESULT_ACCESS_RULES.downloadMinutes * 60_000);
    await ctx.sql.execute(`INSERT INTO result_download_token (token_hash, dossier_code, expires_at) VALUES ($1, $2, $3)`, [hash, dossier.code, expiresAt]);
    const [file] = await ctx.sql.query<{ file_name: string; content_type: string; size_bytes: number }>(`SELECT file_name, content_type, size_bytes FROM dossier_file WHERE id = $1`, [dossier.result_file_id]);
    await ctx.audit({ operation: 'result-released', entityType: 'dossier', entityId: dossier.code, instanceId: dossier.instance_id, details: { fileId: dossier.result_file_id } });
    return {
      ok: true,
      release: {
        downloadUrl: `/api/public/dossiers/${encodeURIComponent(dossier.code)}/result?token=${token}`,
        fileName: file.file_name,
        contentType: file.content_type,
        sizeBytes: file.size_bytes,
        expiresAt,
      },
    };
  }
}

/** A refused code is a 400 naming the field, after its attempt was committed. */
export function releaseOrRefuse(outcome: Outcome): ResultRelease {
  if (!outcome.ok) throw badInput(outcome.message, [{ field: 'code', message: outcome.message }]);
  return outcome.release;
}
