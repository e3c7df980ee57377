import type { Command, CommandContext } from '../commands/command.js';
import { appendDossierEvent } from '../persistence/dossiers/dossier-record.js';
import { conflict, DomainError, ErrorCode } from '../shared/domain-error.js';
import { applicantDossier, resultReleased } from '../persistence/public-results/applicant.js';
import { hashCode, maskedPhone, newOneTimeCode, RESULT_ACCESS_RULES } from './one-time-code.js';
import { resultAccessStore } from '../persistence/public-results/result-access-store.js';

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
    const n = await resultAccessStore.codesSince(ctx.sql, dossier.code, new Date(ctx.now.getTime() - 3_600_000));
    if (n >= RESULT_ACCESS_RULES.codesPerHour) {
      throw new DomainError(ErrorCode.RateLimited, `at most ${RESULT_ACCESS_RULES.codesPerHour} codes an hour; try again later`, [{ field: 'retryAfter', message: '3600' }]);
    }
    const id = ctx.services.newId();
    const oneTimeCode = newOneTimeCode();
    const expiresAt = new Date(ctx.now.getTime() + RESULT_ACCESS_RULES.codeMinutes * 60_000);
    // A new code voids the ones before it: only the latest message counts.
    await resultAccessStore.replaceCode(ctx.sql, { id, dossierCode: dossier.code, codeHash: hashCode(id, oneTimeCode), at: ctx.now, expiresAt });
    const recipient = dossier.applicant_phone!;
    const body = `OneDoor: ma xac thuc nhan ket qua ho so ${dossier.code} la ${oneTimeCode}, hieu luc ${RESULT_ACCESS_RULES.codeMinutes} phut. Khong chia se ma nay.`;
    // By SMS whatever the notice consent: the applicant asked for it, to this phone, just now.
    await resultAccessStore.queueCodeMessage(ctx.sql, dossier.code, recipient, 'Mã xác thực nhận kết quả', body, ctx.now);
    await appendDossierEvent(ctx.sql, dossier.code, ctx.now, 'result_code_sent', null, { to: maskedPhone(recipient), expiresAt });
    await ctx.audit({ operation: 'result-code-requested', entityType: 'dossier', entityId: dossier.code, instanceId: dossier.instance_id, details: { to: maskedPhone(recipient) } });
    return { sentTo: maskedPhone(recipient), expiresAt, message: { recipient, body } };
  }
}
