import type { Command, CommandContext } from '../commands/command.js';
import { appendDossierEvent } from '../persistence/dossiers/dossier-record.js';
import { conflict } from '../shared/domain-error.js';
import { applicantDossier } from '../persistence/public-results/applicant.js';
import { resultAccessStore } from '../persistence/public-results/result-access-store.js';

export type ServiceRating = 'satisfied' | 'normal' | 'dissatisfied';
export const SERVICE_RATINGS: ServiceRating[] = ['satisfied', 'normal', 'dissatisfied'];

/** The applicant rates the service once, after the result has been returned (status 10). */
export class RateService implements Command<{ dossierCode: string; rating: ServiceRating; ratedAt: Date }> {
  readonly name = 'rate-service';

  constructor(
    private readonly code: string,
    private readonly phone: string | undefined,
    private readonly rating: ServiceRating,
    private readonly comment: string | null,
  ) {}

  async execute(ctx: CommandContext) {
    const dossier = await applicantDossier(ctx.sql, this.code, this.phone);
    if (dossier.status !== 10) throw conflict('the service can be rated once the result has been returned');
    if (await resultAccessStore.isRated(ctx.sql, dossier.code)) throw conflict('this dossier has already been rated');
    await resultAccessStore.rate(ctx.sql, dossier.code, this.rating, this.comment, ctx.now);
    await appendDossierEvent(ctx.sql, dossier.code, ctx.now, 'service_rated', null, { rating: this.rating });
    await ctx.audit({ operation: 'rate-service', entityType: 'dossier', entityId: dossier.code, instanceId: dossier.instance_id, details: { rating: this.rating } });
    return { dossierCode: dossier.code, rating: this.rating, ratedAt: ctx.now };
  }
}
