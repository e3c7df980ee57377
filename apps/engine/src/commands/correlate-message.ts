import { DomainError, ErrorCode, notFound } from '../shared/domain-error.js';
import type { Command, CommandContext } from './command.js';
import { checkVariables } from './variables.js';
import { eventSubscriptionStore } from '../persistence/runtime/event-subscription-store.js';

export interface CorrelationResult {
  processInstanceId: string;
  /** True when the message started a new instance (message start event). */
  started: boolean;
}

/**
 * Delivers a message to the one waiting catch event, receive task or boundary event it names
 * (by business key or instance), or starts the process whose start event waits for it.
 */
export class CorrelateMessage implements Command<CorrelationResult> {
  readonly name = 'correlate-message';

  constructor(
    private readonly messageName: string,
    private readonly businessKey: string | null,
    private readonly processInstanceId: string | null,
    private readonly variables: Record<string, unknown> = {},
  ) {}

  async execute(ctx: CommandContext): Promise<CorrelationResult> {
    checkVariables(this.variables);
    if (this.processInstanceId && !/^[0-9a-f-]{36}$/i.test(this.processInstanceId)) throw notFound('Process instance', this.processInstanceId);
    const waiting = await eventSubscriptionStore.waitingFor(ctx.sql, this.messageName, { instanceId: this.processInstanceId, businessKey: this.businessKey });
    if (waiting.length > 1) {
      throw new DomainError(ErrorCode.Conflict, `more than one execution waits for message "${this.messageName}"; name the processInstanceId or a more specific businessKey`);
    }
    if (waiting.length === 1) {
      const sub = waiting[0];
      const rt = ctx.runtime;
      const state = await rt.load(sub.instance_id);
      const token = state?.executions.get(sub.execution_id);
      if (!state || !token || !state.subscriptions.has(sub.id)) {
        throw new DomainError(ErrorCode.Conflict, `the execution waiting for "${this.messageName}" moved on a moment ago`);
      }
      // A suspended instance takes nothing in until it is resumed: the sender retries later.
      if (state.instance.suspended) throw new DomainError(ErrorCode.Conflict, `the instance waiting for "${this.messageName}" is suspended by an administrator`);
      await ctx.audit({ operation: 'correlate-message', entityType: 'process_instance', entityId: state.id, instanceId: state.id, details: { messageName: this.messageName, elementId: sub.element_id } });
      await rt.eventOccurred(state, token, sub.element_id, { variables: this.variables });
      return { processInstanceId: state.id, started: false };
    }
    if (!this.processInstanceId) {
      const start = await eventSubscriptionStore.messageStart(ctx.sql, this.messageName);
      if (start) {
        const definition = await ctx.services.definitions.byId(ctx.sql, start.definition_id);
        const state = await ctx.runtime.startInstance(definition, { businessKey: this.businessKey, variables: this.variables, startEventId: start.element_id });
        await ctx.audit({ operation: 'start', entityType: 'process_instance', entityId: state.id, instanceId: state.id, details: { messageName: this.messageName } });
        return { processInstanceId: state.id, started: true };
      }
    }
    throw notFound('Waiting receiver of message', this.messageName);
  }
}
