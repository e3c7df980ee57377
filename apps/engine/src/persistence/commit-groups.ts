import type pg from 'pg';
import { runBatch, type BatchStatement } from './statement-batch.js';

/**
 * Group commit for the commands whose whole transaction is one batch (a node that holds the
 * instance's rows sends lock, writes and COMMIT at once: instance-cache.ts). While earlier
 * batches are in flight, the batches that become ready queue here; when a slot frees, the queue
 * goes out as ONE transaction on the first one's connection: BEGIN, every command's statements,
 * COMMIT — one exchange, one commit record, one WAL flush, where each command alone costs the
 * same exchange and the same commit. At low load a batch finds a slot free and goes alone at once:
 * grouping adds no waiting.
 *
 * What each command keeps:
 * - atomic: its statements commit together, in its group's transaction;
 * - refused alone: if any statement of a group fails, the database rolls the whole group back
 *   (nothing of it was acknowledged), and every member is sent again alone, as it would have been
 *   without grouping — the failing one fails by itself, the others commit by themselves;
 * - acknowledged only after commit: a member's promise settles when its COMMIT is answered;
 * - a connection that breaks with a group's COMMIT in flight leaves every member's outcome unknown
 *   (503), as it does for a command alone.
 * Members are commands on different instances: a second command on an instance a member holds
 * finds nothing in the cache, reads under lock, and either waits for the group's commit or makes
 * the member's guarded lock fail (the group then falls back to single sends).
 */
export class CommitGroups {
  private readonly queue: Member[] = [];
  private inFlight = 0;

  /**
   * @param slots batches (groups or single commands) in flight at once: with one, PostgreSQL
   *   would run every command on one backend, one core; more slots, smaller groups.
   * @param maxGroup commands per group at most (bounds the locks one transaction holds).
   */
  constructor(
    private readonly opening: BatchStatement[],
    readonly slots = 4,
    readonly maxGroup = 32,
  ) {}

  /**
   * Commits the statements (BEGIN and COMMIT added here) on this client or, grouped, on another
   * member's. Settles once committed; rejects with the command's own error otherwise. A rejection
   * with `discardConnection` set means this client's transaction could not be closed.
   */
  commit(client: pg.PoolClient, statements: BatchStatement[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ client, statements, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.slots && this.queue.length > 0) {
      const group = this.queue.splice(0, this.maxGroup);
      this.inFlight++;
      void this.send(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async send(group: Member[]): Promise<void> {
    if (group.length === 1) return this.alone(group[0]);
    const [leader] = group;
    try {
      await runBatch(leader.client, [...this.opening, ...group.flatMap((m) => m.statements), { text: 'COMMIT' }]);
    } catch (error) {
      if (!(await rolledBack(leader.client))) {
        // The leader's connection broke: COMMIT may or may not have been applied, for all alike.
        for (const m of group) m.reject(m === leader ? discard(error) : error);
        return;
      }
      // A statement was refused; nothing of the group was kept. Each one on its own now.
      await Promise.all(group.map((m) => this.alone(m)));
      return;
    }
    for (const m of group) m.resolve();
  }

  private async alone(member: Member): Promise<void> {
    try {
      await runBatch(member.client, [...this.opening, ...member.statements, { text: 'COMMIT' }]);
      member.resolve();
    } catch (error) {
      member.reject((await rolledBack(member.client)) ? error : discard(error));
    }
  }
}

interface Member {
  client: pg.PoolClient;
  statements: BatchStatement[];
  resolve(): void;
  reject(error: unknown): void;
}

/** Closes the failed transaction on the connection; false when the connection cannot be used any more. */
async function rolledBack(client: pg.PoolClient): Promise<boolean> {
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}

function discard(error: unknown): unknown {
  if (error && typeof error === 'object') (error as { discardConnection?: boolean }).discardConnection = true;
  return error;
}
