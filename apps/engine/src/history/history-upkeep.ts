import type { Clock } from '../commands/command.js';
import type { Database } from '../persistence/database.js';
import { cleanupHistory } from '../persistence/history/history-cleanup.js';
import { ensureHistoryPartitions } from '../persistence/history/history-partitions.js';
import { defaultRetentionYears } from './retention-policy.js';

/**
 * The job executor's sweep for history: at start and then hourly, create the coming months'
 * partitions and drop the months whose retention has passed. Every node runs it; partition
 * creation is idempotent and cleanup runs on one node at a time (advisory locks).
 */
export function historyUpkeep(db: Database, clock: Clock, node: string, log?: (message: string) => void): () => Promise<number> {
  // Read once, when the node starts: a wrong setting stops the start instead of every round.
  const defaultYears = defaultRetentionYears();
  let last = 0;
  return async () => {
    const now = clock.now();
    if (now.getTime() - last < 3_600_000) return 0;
    last = now.getTime();
    const created = await ensureHistoryPartitions(db, now);
    const { dropped } = await cleanupHistory(db, { now, defaultYears, node });
    for (const month of dropped) {
      log?.(`history of ${month.month.slice(0, 7)} dropped: ${month.instances} instances, retention ${month.longestRetentionYears} years passed, ${month.bytesFreed} bytes freed`);
    }
    return created.length + dropped.length;
  };
}
