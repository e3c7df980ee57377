import type { Command, CommandContext } from '../commands/command.js';
import { appendDossierEvent } from '../persistence/dossiers/dossier-record.js';
import { conflict, DomainError, ErrorCode } from '../shared/domain-error.js';
import { applicantDossier, resultReleased } from '../persistence/public-results/applicant.js';
import { hashCode, maskedPhone, newOneTimeCode, RESULT_ACCESS_RULES } from './one-time-code.js';

export interface ResultCodeSent {
  /** Where the code went, masked. */
  sentTo: string;
  expiresAt: Date;
}

/**
 * The applicant (code + phone) asks for the one-time code that releases the electronic result.
 * The code is generated here, only its hash kept; the message goes to the applicants' notice
 * outbox (applicant_notice) for the SMS gateway (and, with no gateway configured, to the server log for the demo).
 */
export class RequestResultCode implements Command<ResultCodeSent & { message: { recipient: string; body: string } }> {
  readonly name = 'request-result-code';

  constructor(
    private readonly code: string,
    private readonly phone: string | undefined,
  ) {}

  async execute(ctx: CommandContext) {
    const dossier = await applicantDossier(ctx.sql, this.code, this.phone);
    if (!resultReleased(dossier)) throw conflict('this dossier has no electronic result to hand out (yet)');
    const [{ n }] = await ctx.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM result_access_code WHERE dossier_code = $1 AND created_at > $2`, [
      dossier.code, new Date(ctx.now.getTime() - 3_600_000),
    ]);
    if (n >= RESULT_ACCESS_RULES.codesPerHour) {
      throw new DomainError(ErrorCode.RateLimited, `at most ${RESULT_ACCESS_RULES.codesPerHour} codes an hour; try again later`, [{ field: 'retryAfter', message: '3600' }]);
    }
    const id = ctx.services.newId();
    const oneTimeCode = newOneTimeCode();
    const expiresAt = new Date(ctx.now.getTime() + RESULT_ACCESS_RULES.codeMinutes * 60_000);
    // A new code voids the ones before it: only the latest message counts.
    await ctx.sql.execute(`UPDATE result_access_code SET used_at = $2 WHERE dossier_code = $1 AND used_at IS NULL`, [dossier.code, ctx.now]);
    await ctx.sql.execute(`INSERT INTO result_access_code (id, dossier_code, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      id, dossier.code, hashCode(id, oneTimeCode), ctx.now, expiresAt,
    ]);
    const recipient = dossier.applicant_phone!;
    const body = `OneDoor: ma xac thuc nhan ket qua ho so ${dossier.code} la ${oneTimeCode}, hieu luc ${RESULT_ACCESS_RULES.codeMinutes} phut. Khong chia se ma nay.`;
    // By SMS whatever the notice consent: the applicant asked for it, to this phone, just now.
    await ctx.sql.execute(
      `INSERT INTO applicant_notice (dossier_code, event, channel, recipient, subject, body, created_at, next_attempt_at) VALUES ($1, 'one_time_code', 'sms', $2, $3, $4, $5, $5)`,
      [dossier.code, recipient, 'Mã xác thực nhận kết quả', body, ctx.now],
    );
    await appendDossierEvent(ctx.sql, dossier.code, ctx.now, 'result_code_sent', null, { to: maskedPhone(recipient), expiresAt });
    await ctx.audit({ operation: 'result-code-requested', entityType: 'dossier', entityId: dossier.code, instanceId: dossier.instance_id, details: { to: maskedPhone(recipient) } });
    return { sentTo: maskedPhone(recipient), expiresAt, message: { recipient, body } };
  }
}
