import { i18n } from '../../../shared/i18n.js';
import { describeApiError, isStale } from '../../format/api-message.js';
import type { TasklistContext } from '../../shell/tasklist-context.js';

export interface ActionOutcome {
  /** Shown after success (English source string, already translated by the caller). */
  success: string;
  /** Leave the task for the list (the task is no longer ours to see), or reload it. */
  then: 'leave' | 'reload';
}

/**
 * Runs one action of the task page the same way every time: buttons disabled while it runs, a
 * readable message on failure, and when the task moved on meanwhile (409/404) back to a
 * refreshed list with the reason, because nothing on this page is true any more.
 */
export function createActionRunner(ctx: TasklistContext, reload: () => void) {
  return async (form: HTMLElement, errorBox: HTMLElement, work: () => Promise<unknown>, outcome: ActionOutcome): Promise<boolean> => {
    const buttons = [...form.querySelectorAll<HTMLButtonElement>('button')];
    buttons.forEach((b) => (b.disabled = true));
    errorBox.textContent = '';
    try {
      await work();
      ctx.flash(outcome.success, 'success');
      if (outcome.then === 'leave') ctx.backToList();
      else reload();
      return true;
    } catch (error) {
      if (ctx.handleCommonError(error)) return false;
      if ((error as { shownOnFields?: boolean }).shownOnFields) {
        errorBox.textContent = i18n.t('Some fields need your attention.');
        return false;
      }
      const message = describeApiError(error);
      if (isStale(error)) {
        ctx.flash(message, 'error');
        ctx.backToList();
      } else {
        errorBox.textContent = message;
      }
      return false;
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  };
}

export type ActionRunner = ReturnType<typeof createActionRunner>;
