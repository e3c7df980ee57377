import type { Command, CommandContext } from './command.js';
import { checkVariables } from './variables.js';

export interface SignalBroadcast {
  /** How many waiting subscriptions (catch, boundary, event sub-process and start events) the signal reached. */
  delivered: number;
  /** The delivery jobs, run straight after the commit by the caller's node (any node if it dies first). */
  deliveryJobIds: string[];
}

/**
 * A signal from outside (a rule change that concerns every open dossier): one delivery job per
 * subscription waiting at this moment, written in one transaction. Each delivery then runs in a
 * command of its own, locking only its instance — a broadcast to thousands of dossiers never
 * holds thousands of locks, and every waiting subscription receives it exactly once, even across
 * several engine nodes or a crash in the middle.
 */
export class BroadcastSignal implements Command<SignalBroadcast> {
  readonly name = 'broadcast-signal';

  constructor(
    private readonly signalName: string,
    private readonly variables: Record<string, unknown> = {},
  ) {}

  async execute(ctx: CommandContext): Promise<SignalBroadcast> {
    checkVariables(this.variables);
    const deliveryJobIds = await ctx.eventBus.queueSignal({ name: this.signalName, variables: this.variables, except: [] });
    await ctx.audit({ operation: 'signal', entityType: 'signal', entityId: this.signalName, details: { delivered: deliveryJobIds.length, variables: Object.keys(this.variables) } });
    return { delivered: deliveryJobIds.length, deliveryJobIds };
  }
}
