import type { Database } from '../persistence/database.js';
import { CommandContext, type Actor, type Command, type EngineServices } from './command.js';

/**
 * Runs a command in one transaction: the command works on in-memory state, then the unit of
 * work flushes every change and history row, listeners react in the same transaction, and the
 * transaction commits — or nothing happened at all.
 */
export class CommandExecutor {
  constructor(
    private readonly db: Database,
    readonly services: EngineServices,
  ) {}

  execute<T>(command: Command<T>, actor: Actor): Promise<T> {
    return this.db.transaction(async (sql) => {
      const ctx = new CommandContext(sql, this.services, actor, this.services.clock.now());
      const result = await command.execute(ctx);
      const runtime = ctx.usedRuntime;
      if (runtime) await ctx.store.flush(runtime.loadedStates(), runtime.history);
      if (runtime || ctx.touchedDossiers.size > 0) {
        for (const listener of this.services.listeners) await listener(ctx, runtime?.events ?? []);
      }
      return result;
    }, { keyed: true });
  }
}
