import type { Command, CommandContext } from '../commands/command.js';
import { badInput, conflict } from '../shared/domain-error.js';
import { applicantDossier, resultReleased } from '../persistence/public-results/applicant.js';
import { codeMatches, newDownloadToken, RESULT_ACCESS_RULES } from './one-time-code.js';
import { resultAccessStore } from '../persistence/public-results/result-access-store.js';

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
    const current = await resultAccessStore.currentCode(ctx.sql, dossier.code, ctx.now);
    if (!current) return { ok: false, message: 'no valid code: ask for a new one-time code' };
    if (!codeMatches(current.id, this.oneTimeCode, current.code_hash)) {
      const attempts = current.attempts + 1;
      const left = RESULT_ACCESS_RULES.attemptsPerCode - attempts;
      await resultAccessStore.wrongAttempt(ctx.sql, current.id, attempts, left <= 0 ? ctx.now : undefined);
      await ctx.audit({ operation: 'result-code-refused', entityType: 'dossier', entityId: dossier.code, details: { attempts } });
      return { ok: false, message: left > 0 ? `wrong code; ${left} attempt(s) left` : 'wrong code; this code is void now, ask for a new one' };
    }
    await resultAccessStore.codeUsed(ctx.sql, current.id, ctx.now);
    const { token, hash } = newDownloadToken();
    const expiresAt = new Date(ctx.now.getTime() + RESULT_ACCESS_RULES.downloadMinutes * 60_000);
    await resultAccessStore.insertDownloadToken(ctx.sql, hash, dossier.code, expiresAt);
    const file = await resultAccessStore.fileFacts(ctx.sql, dossier.result_file_id);
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
