import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';

export interface ReasonChoice {
  reason: string;
  /** The option picked, when the dialog offered some (e.g. withdrawal or stop). */
  option?: string;
}

/**
 * Asks why before any intervention: the reason goes to the audit log with it, so the dialog
 * won't confirm without one. Resolves to null when cancelled.
 */
export function askReason(title: string, options: { hint?: string; choices?: { value: string; label: string }[]; confirmLabel?: string } = {}): Promise<ReasonChoice | null> {
  const t = i18n.t;
  return new Promise((resolve) => {
    const reason = h('textarea', { name: 'reason', rows: 3, required: true, 'data-testid': 'reason', className: 'od-ops-reason' });
    const select = options.choices
      ? h('select', { name: 'option', 'data-testid': 'reason-option' }, ...options.choices.map((c) => h('option', { value: c.value }, c.label)))
      : null;
    const error = h('p', { className: 'od-form-error', role: 'alert' });
    const dialog = h('dialog', { className: 'od-dialog od-ops-dialog', 'data-testid': 'reason-dialog' });
    const close = (value: ReasonChoice | null) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const form = h(
      'form',
      {
        method: 'dialog',
        onsubmit: (event: Event) => {
          event.preventDefault();
          const text = (reason as HTMLTextAreaElement).value.trim();
          if (!text) {
            error.textContent = t('Say why: the reason is kept in the audit log.');
            return;
          }
          close({ reason: text, option: select ? (select as HTMLSelectElement).value : undefined });
        },
      },
      h('h2', {}, title),
      options.hint ? h('p', { className: 'od-dialog-hint' }, options.hint) : null,
      select ? h('label', { className: 'od-ops-field' }, t('Kind'), select) : null,
      h('label', { className: 'od-ops-field' }, t('Reason (kept in the audit log)'), reason),
      error,
      h(
        'div',
        { className: 'od-form-actions' },
        h('button', { type: 'button', className: 'od-button', onclick: () => close(null) }, t('Cancel')),
        h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-testid': 'confirm-reason' }, options.confirmLabel ?? t('Confirm')),
      ),
    );
    dialog.append(form);
    document.body.append(dialog);
    dialog.addEventListener('cancel', () => close(null));
    dialog.showModal();
    (reason as HTMLTextAreaElement).focus();
  });
}
