import type { CommandContext } from '../commands/command.js';
import type { InstanceState } from '../runtime/instance-state.js';
import { conflict, notFound } from '../shared/domain-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Locks a running instance for an administrator's intervention, like every command: the row
 * lock queues concurrent commands, and one that finds the instance already ended (or, with
 * `running`, suspended) by the command before it gets a conflict (409).
 */
export async function lockRunningInstance(ctx: CommandContext, instanceId: string, options: { allowSuspended?: boolean } = {}): Promise<InstanceState> {
  if (!UUID.test(instanceId)) throw notFound('Process instance', instanceId);
  const state = await ctx.runtime.load(instanceId);
  if (!state) throw notFound('Process instance', instanceId);
  if (state.instance.state !== 'active') throw conflict(`process instance ${instanceId} is ${state.instance.state}`);
  if (!options.allowSuspended && state.instance.suspended) throw conflict(`process instance ${instanceId} is suspended: resume it first`);
  return state;
}
