import type { ReceivedDossierView } from '@onedoor/contract';
import type { Command, CommandContext } from '../commands/command.js';
import { checkVariables } from '../commands/variables.js';
import { DomainError, ErrorCode, badInput, notFound } from '../shared/domain-error.js';
import { nextDossierCode } from '../persistence/dossiers/dossier-code.js';
import { appendDossierEvent, type DossierRecord } from '../persistence/dossiers/dossier-record.js';
import { insertDossier } from '../persistence/dossiers/dossier-rows.js';
import { scheduleDossierDeadlines } from './deadline-jobs.js';
import { PortalStatus } from './portal-status.js';
import { syncDossierStatus } from '../portal-sync/dossier-status-sync.js';
import { assertStartable } from '../operations/suspension.js';
import { assertMayReceive, checkComponents, receivingAgencies } from './reception-desk.js';

export interface Applicant {
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  /** `citizen` or `organisation` (LoaiDoiTuong). */
  type?: 'citizen' | 'organisation';
  /** Channels the applicant agreed to receive notices on (consent, asked at reception). */
  notify?: ('email' | 'sms' | 'zalo')[];
}

export interface ReceiveDossierInput {
  procedureKey: string;
  /** A specific version (history imports, demo data); default: the latest version of the key. */
  definitionId?: string;
  applicant: Applicant;
  channel: 'direct' | 'online' | 'postal';
  receivedAt?: Date;
  variables?: Record<string, unknown>;
  /** Ids of the procedure's components (od:dossierComponent) the desk checked off; they become form 01's list. */
  components?: string[];
}

/** The channels agreed to that have an address to reach: e-mail needs an e-mail, SMS and Zalo a phone. */
function consentedChannels(applicant: Applicant): ('email' | 'sms' | 'zalo')[] {
  const asked = [...new Set(applicant.notify ?? [])];
  for (const channel of asked) {
    const address = channel === 'email' ? applicant.email : applicant.phone;
    if (!address) throw badInput(`notices by ${channel} need the applicant's ${channel === 'email' ? 'e-mail' : 'phone number'}`, [{ field: 'applicant.notify', message: `${channel} needs ${channel === 'email' ? 'applicant.email' : 'applicant.phone'}` }]);
  }
  return asked;
}

/** The set of legal forms in force for dossiers received from now on (Circular 03/2025/TT-VPCP). */
export const CURRENT_FORM_VERSION = 'TT03/2025';

/**
 * Receives a dossier at the one-stop desk: a gap-free code, the procedure started with the code
 * as business key, and the appointment date from the working calendar (received after 15:00 →
 * the clock starts next working morning). All in one transaction.
 */
export class ReceiveDossier implements Command<ReceivedDossierView> {
  readonly name = 'receive-dossier';
  constructor(private readonly input: ReceiveDossierInput) {}

  async execute(ctx: CommandContext): Promise<ReceivedDossierView> {
    const { input } = this;
    checkVariables(input.variables ?? {});
    const receivedAt = input.receivedAt ?? ctx.now;
    if (receivedAt.getTime() > ctx.now.getTime() + 60_000) throw badInput('receivedAt is in the future', [{ field: 'receivedAt', message: 'must not be in the future' }]);
    const source = ctx.services.definitions.source(ctx.sql);
    const definition = input.definitionId ? await source.byId(input.definitionId) : await source.latestByKey(input.procedureKey);
    if (!definition) throw notFound('Procedure', input.procedureKey);
    await assertStartable(ctx.sql, definition.id);
    const graph = definition.graph;
    if (!graph.startEventIds.some((id) => graph.nodes.get(id)!.event === 'none')) {
      throw new DomainError(ErrorCode.BadInput, `${input.procedureKey} can't be started at the desk`, [{ field: 'procedureKey', message: 'no none start event' }]);
    }
    await assertMayReceive(ctx.sql, ctx.actor, graph, input.procedureKey);
    const documents = input.components ? checkComponents(graph, input.components) : undefined;
    const agencyCode = (await receivingAgencies(ctx.sql, graph)).owner ?? 'OD';
    const code = await nextDossierCode(ctx.sql, agencyCode, receivedAt);
    const calendar = ctx.services.calendar();
    const statutoryDays = graph.procedure.statutoryDays;
    const dueAt = statutoryDays !== undefined ? calendar.dossierDueAt(receivedAt, statutoryDays) : null;
    const clockStartedAt = statutoryDays !== undefined ? calendar.dossierDueAt(receivedAt, 0) : receivedAt;
    const state = await ctx.runtime.startInstance(definition, {
      businessKey: code,
      variables: { ...(documents ? { documents } : {}), ...(input.variables ?? {}), dossierCode: code, applicantName: input.applicant.name, channel: input.channel },
      startedBy: ctx.actor.username,
    });
    const dossier: DossierRecord = {
      code,
      instance_id: state.id,
      definition_id: definition.id,
      procedure_key: definition.key,
      procedure_code: graph.procedure.procedureCode ?? null,
      procedure_name: graph.name ?? definition.name,
      field: graph.procedure.field ?? null,
      agency_code: agencyCode,
      applicant_name: input.applicant.name,
      applicant_id_number: input.applicant.idNumber ?? null,
      applicant_phone: input.applicant.phone ?? null,
      applicant_email: input.applicant.email ?? null,
      applicant_type: input.applicant.type ?? 'citizen',
      channel: input.channel,
      received_at: receivedAt,
      clock_started_at: clockStartedAt,
      statutory_days: statutoryDays !== undefined ? String(statutoryDays) : null,
      legal_due_at: dueAt,
      due_at: dueAt,
      status: PortalStatus.Received,
      supplement_policy: graph.procedure.supplementPolicy,
      waiting_since: null,
      finished_at: null,
      returned_at: null,
      result: null,
      apology_count: 0,
      violation: false,
      form_version: CURRENT_FORM_VERSION,
      received_by: ctx.actor.username,
      notify_channels: consentedChannels(input.applicant),
    };
    await insertDossier(ctx.sql, dossier);
    await appendDossierEvent(ctx.sql, code, ctx.now, 'received', ctx.actor.username, { channel: input.channel, receivedAt, dueAt });
    await scheduleDossierDeadlines(ctx, dossier);
    // The portal learns of the dossier at receipt, before its first change of status.
    await syncDossierStatus(ctx, dossier);
    await ctx.audit({ operation: 'receive-dossier', entityType: 'dossier', entityId: code, instanceId: state.id });
    ctx.dossierChanged(dossier.code);
    return { code, processInstanceId: state.id, procedureKey: definition.key, receivedAt, dueAt, status: dossier.status };
  }
}
