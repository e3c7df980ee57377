import type { CommandContext, TransactionListener } from '../commands/command.js';
import type { TaskRow } from '../runtime/rows.js';
import { appendDossierEvent, dossierOfInstance } from '../persistence/dossiers/dossier-record.js';
import type { Notifier } from './notifier.js';
import { notificationStore } from '../persistence/notifications/notification-store.js';

/** A notification row and its hand-off to the notifier (e-mail, SMS hooks), in one place. */
export async function notify(
  ctx: CommandContext,
  notifier: Notifier,
  n: { kind: string; departmentCode: string | null; role?: string | null; recipient?: string | null; message: string; dossierCode: string | null; taskId?: string | null; instanceId?: string | null },
): Promise<void> {
  await notificationStore.insert(ctx.sql, {
    id: ctx.services.newId(),
    createdAt: ctx.now,
    departmentCode: n.departmentCode,
    role: n.role ?? null,
    recipient: n.recipient ?? null,
    kind: n.kind,
    message: n.message,
    dossierCode: n.dossierCode,
    taskId: n.taskId ?? null,
    instanceId: n.instanceId ?? null,
  });
  notifier.afterCommit(ctx, { kind: n.kind, departmentCode: n.departmentCode, role: n.role ?? '', message: n.message, taskId: n.taskId ?? undefined, dossierCode: n.dossierCode });
}

/**
 * A return carries its reason everywhere an officer looks (issue #18): the dossier's history
 * gets a "returned" event, and whoever the step went back to is told why, with a link to it.
 * (The control sheet has it already: the reason is the returned step's opinion.)
 */
export function handBackListener(notifier: Notifier): TransactionListener {
  return async (ctx, events) => {
    for (const [index, event] of events.entries()) {
      if (event.type !== 'task.ended' || event.outcome !== 'returned') continue;
      const back = events.slice(index + 1).find((e): e is { type: 'task.created'; task: TaskRow } => e.type === 'task.created' && e.task.executionId === event.task.executionId)?.task;
      const state = ctx.usedRuntime?.loadedStates().find((s) => s.id === event.task.instanceId);
      const dossier = state ? await dossierOfInstance(ctx.sql, state.instance.rootInstanceId) : undefined;
      const reason = event.opinion ?? '';
      if (dossier) {
        await appendDossierEvent(ctx.sql, dossier.code, ctx.now, 'returned', ctx.actor.username, {
          reason,
          fromStep: event.task.name,
          fromElementId: event.task.elementId,
          toStep: back?.name ?? null,
          toElementId: back?.elementId ?? null,
          toAssignee: back?.assignee ?? null,
        });
      }
      if (!back) continue;
      const code = dossier?.code ?? event.task.businessKey;
      await notify(ctx, notifier, {
        kind: 'task-returned',
        // To the person it went back to; to the department's queue when nobody holds it.
        departmentCode: back.assignee ? null : back.departmentCode,
        recipient: back.assignee,
        message: `Hồ sơ${code ? ` ${code}` : ''} được trả lại bước "${back.name ?? back.elementId}" từ bước "${event.task.name ?? event.task.elementId}". Lý do: ${reason}`,
        dossierCode: code ?? null,
        taskId: back.id,
        instanceId: back.instanceId,
      });
    }
  };
}
