import { DomainError, ErrorCode, notFound } from '../shared/domain-error.js';
import type { Command, CommandContext } from './command.js';
import { checkVariables } from './variables.js';
import { assertStartable } from '../operations/suspension.js';

export interface StartedInstance {
  id: string;
  definitionId: string;
  businessKey: string | null;
  state: string;
  /** The tasks the start opened (the first steps). */
  openedTaskIds: string[];
}

/** Starts the latest version of a key (or a given definition) and runs it to its first wait states. */
export class StartInstance implements Command<StartedInstance> {
  readonly name = 'start-instance';

  constructor(
    private readonly target: { key: string } | { definitionId: string },
    private readonly businessKey: string | null = null,
    private readonly variables: Record<string, unknown> = {},
  ) {}

  async execute(ctx: CommandContext): Promise<StartedInstance> {
    checkVariables(this.variables);
    const source = ctx.services.definitions.source(ctx.sql);
    const definition = 'key' in this.target ? await source.latestByKey(this.target.key) : await source.byId(this.target.definitionId);
    if (!definition) throw notFound('Process definition with key', (this.target as { key: string }).key);
    await assertStartable(ctx.sql, definition.id);
    const graph = definition.graph;
    if (!graph.startEventIds.some((id) => graph.nodes.get(id)!.event === 'none')) {
      throw new DomainError(ErrorCode.BadInput, `${definition.key} starts by message or timer only, not by hand`);
    }
    const state = await ctx.runtime.startInstance(definition, { businessKey: this.businessKey, variables: this.variables });
    await ctx.audit({ operation: 'start', entityType: 'process_instance', entityId: state.id, instanceId: state.id, details: { definitionId: definition.id, businessKey: this.businessKey } });
    const openedTaskIds = ctx.runtime.events.flatMap((e) => (e.type === 'task.created' ? [e.task.id] : []));
    return { id: state.id, definitionId: definition.id, businessKey: state.instance.businessKey, state: state.instance.state, openedTaskIds };
  }
}
