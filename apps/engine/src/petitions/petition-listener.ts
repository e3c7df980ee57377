import type { TransactionListener } from '../commands/command.js';
import { PETITIONS_KEY } from './submit-petition.js';
import { petitionStore } from '../persistence/petitions/petition-store.js';

/** End events of the petitions procedure, and what each means for the petition. */
const ENDINGS: Record<string, 'transferred' | 'answered'> = {
  'ket-thuc-da-chuyen': 'transferred',
  'ket-thuc-da-tra-loi': 'answered',
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * Keeps each petition row in step with its instance, inside the command that moved it: the kind
 * and the answer as the officers entered them on the steps' forms, "processing" once classified,
 * and at the end "transferred" (not within the agency's remit) or "answered" — published at once,
 * as the last step publishes the answer.
 */
export function petitionListener(): TransactionListener {
  return async (ctx, events) => {
    const touched = new Set<string>();
    // A none end event ends the instance without naming itself: which end was reached is read
    // from the end event's activity.
    const endReached = new Map<string, string>();
    const ended = new Set<string>();
    for (const event of events) {
      if (event.type === 'task.ended' && event.task.definitionKey === PETITIONS_KEY) touched.add(event.task.instanceId);
      if (event.type === 'activity.ended' && event.activityType === 'endEvent' && !event.canceled) endReached.set(event.instanceId, event.activityId);
      if (event.type === 'instance.ended' && event.instance.definitionKey === PETITIONS_KEY) {
        touched.add(event.instance.id);
        ended.add(event.instance.id);
      }
    }
    if (touched.size === 0) return;
    const states = new Map((ctx.usedRuntime?.loadedStates() ?? []).map((s) => [s.id, s]));
    for (const instanceId of touched) {
      const variables = states.get(instanceId)?.variablesObject() ?? {};
      const ending = ended.has(instanceId) ? ENDINGS[endReached.get(instanceId) ?? ''] : undefined;
      const classified = typeof variables.thuocThamQuyen === 'boolean';
      const status = ending ?? (classified ? 'processing' : 'received');
      await petitionStore.follow(ctx.sql,
        [instanceId, status, text(variables.loaiPhanAnh), text(variables.coQuanTiepNhan), text(variables.noiDungTraLoi), text(variables.soVanBanTraLoi), ending !== undefined, ctx.now, ending === 'answered'],
      );
    }
  };
}
