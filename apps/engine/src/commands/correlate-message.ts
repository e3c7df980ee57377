import { DomainError, ErrorCode, notFound } from '../shared/domain-error.js';
import type { Command, CommandContext } from './command.js';
import { checkVariables } from './variables.js';

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
    const params: unknown[] = [this.messageName];
    let filter = '';
    if (this.processInstanceId) {
      if (!/^[0-9a-f-]{36}$/i.test(this.processInstanceId)) throw notFound('Process instance', this.processInstanceId);
      params.push(this.processInstanceId);
      filter += ` AND instance_id = $${params.length}`;
    }
    if (this.businessKey) {
      params.push(this.businessKey);
      filter += ` AND business_key = $${params.length}`;
    }
    const waiting = await ctx.sql.query<{ id: string; instance_id: string; execution_id: string; element_id: string }>(
      `SELECT id, instance_id, execution_id, element_id FROM event_subscription
       WHERE type = 'message' AND event_name = $1 AND instance_id IS NOT NULL${filter} ORDER BY created_at LIMIT 2`,
      params,
    );
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
      const [start] = await ctx.sql.query<{ definition_id: string; element_id: string }>(
        `SELECT definition_id, element_id FROM event_subscription WHERE type = 'message' AND event_name = $1 AND instance_id IS NULL LIMIT 1`,
        [this.messageName],
      );
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
