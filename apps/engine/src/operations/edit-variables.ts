import type { Command, CommandContext } from '../commands/command.js';
import type { VariablesEdited } from '@onedoor/contract';
import { checkVariables } from '../commands/variables.js';
import { badInput } from '../shared/domain-error.js';
import { lockRunningInstance } from './instance-lock.js';
import { requireReason } from './reason.js';

/**
 * An administrator corrects variables of a running instance: each change is a variable update
 * in history (by the administrator) and one audit entry with the values before and the reason.
 * Conditional events waiting on them are checked as after any other change.
 */
export class EditVariables implements Command<VariablesEdited> {
  readonly name = 'edit-variables';
  private readonly reason: string;

  constructor(
    private readonly instanceId: string,
    private readonly variables: Record<string, unknown>,
    reason: string,
  ) {
    this.reason = requireReason(reason);
  }

  async execute(ctx: CommandContext): Promise<VariablesEdited> {
    checkVariables(this.variables);
    if (Object.keys(this.variables).length === 0) throw badInput('no variable to change', [{ field: 'variables', message: 'name at least one variable' }]);
    const state = await lockRunningInstance(ctx, this.instanceId, { allowSuspended: true });
    const before = Object.fromEntries(Object.keys(this.variables).map((name) => [name, state.variables.has(name) ? state.variables.get(name) : null]));
    ctx.runtime.setVariables(state, this.variables, null);
    await ctx.runtime.run();
    await ctx.audit({ operation: 'edit-variables', entityType: 'process_instance', entityId: state.id, instanceId: state.id, fromState: before, details: { reason: this.reason, variables: this.variables } });
    return { id: state.id, variables: state.variablesObject() };
  }
}
