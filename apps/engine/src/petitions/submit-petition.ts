import type { Command, CommandContext } from '../commands/command.js';
import { notFound } from '../shared/domain-error.js';
import { petitionStore } from '../persistence/petitions/petition-store.js';

/** The petitions procedure in processes/ (phan-anh-kien-nghi.bpmn): its latest version runs each petition. */
export const PETITIONS_KEY = 'xu-ly-phan-anh-kien-nghi';

export interface PetitionInput {
  senderName: string;
  senderPhone?: string | null;
  senderEmail?: string | null;
  senderAddress?: string | null;
  subject: string;
  content: string;
}

export interface SubmittedPetition {
  code: string;
  receivedAt: Date;
  dueAt: Date | null;
}

/**
 * A petition received online or at the desk: a code (PAKN-yymmdd-nnnnnn), an instance of the
 * petitions procedure started with the code as business key, and the answer's due date on the
 * working calendar — all in one transaction.
 */
export class SubmitPetition implements Command<SubmittedPetition> {
  readonly name = 'submit-petition';
  constructor(
    private readonly input: PetitionInput,
    private readonly channel: 'online' | 'direct' | 'postal',
  ) {}

  async execute(ctx: CommandContext): Promise<SubmittedPetition> {
    const definition = await ctx.services.definitions.source(ctx.sql).latestByKey(PETITIONS_KEY);
    if (!definition) throw notFound('Procedure', PETITIONS_KEY);
    const id = await petitionStore.nextId(ctx.sql);
    const code = petitionCode(ctx.now, Number(id));
    const statutoryDays = definition.graph.procedure.statutoryDays;
    const dueAt = statutoryDays !== undefined ? ctx.services.calendar().dossierDueAt(ctx.now, statutoryDays) : null;
    const { input } = this;
    const state = await ctx.runtime.startInstance(definition, {
      businessKey: code,
      variables: { petitionCode: code, senderName: input.senderName, subject: input.subject, channel: this.channel },
      startedBy: ctx.actor.username,
    });
    await petitionStore.insert(ctx.sql,
      [id, code, state.id, this.channel, input.senderName, input.senderPhone ?? null, input.senderEmail ?? null, input.senderAddress ?? null, input.subject, input.content, ctx.now, dueAt],
    );
    await ctx.audit({ operation: 'submit-petition', entityType: 'petition', entityId: code, instanceId: state.id, details: { channel: this.channel } });
    return { code, receivedAt: ctx.now, dueAt };
  }
}

/** "PAKN-261205-000042": the day received (Vietnam time) and the petition's number. */
export function petitionCode(at: Date, id: number): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const yymmdd = local.toISOString().slice(2, 10).replace(/-/g, '');
  return `PAKN-${yymmdd}-${String(id).padStart(6, '0')}`;
}
