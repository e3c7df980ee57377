import type { Database } from '../persistence/database.js';
import { isStaleInstance } from '../persistence/instance-store.js';
import { isUnsentStatement } from '../persistence/database-outage.js';
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

  /**
   * A command that worked on cached rows of an instance someone changed since is refused by the
   * database as a whole (instance-cache.ts); it runs once more, reading under lock. Commands are
   * pure functions of the state they read, so running one again is safe.
   */
  async execute<T>(command: Command<T>, actor: Actor): Promise<T> {
    let stale: Set<string> | undefined;
    try {
      return await this.attempt(command, actor, true, (ctx) => (stale = ctx.store.fromCache));
    } catch (error) {
      if (isStaleInstance(error)) {
        for (const id of stale ?? []) this.services.instanceCache?.forget(id);
        return this.attempt(command, actor, false);
      }
      // A pooled connection that died while idle (the database restarted since) fails on its
      // first write, before anything reached the server: the command runs again on another.
      if (isUnsentStatement(error)) return this.attempt(command, actor, false);
      throw error;
    }
  }

  private attempt<T>(command: Command<T>, actor: Actor, useCache: boolean, started?: (ctx: CommandContext) => void): Promise<T> {
    return this.db.transaction(async (sql) => {
      const ctx = new CommandContext(sql, this.services, actor, this.services.clock.now(), useCache);
      started?.(ctx);
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
