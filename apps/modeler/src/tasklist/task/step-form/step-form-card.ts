import { ApiError } from '../../../shared/api-error.js';
import { h } from '../../../shared/dom.js';
import { i18n } from '../../../shared/i18n.js';
import type { FormValue, TaskForm } from '@onedoor/contract';
import type { ActionRunner } from '../actions/action-runner.js';
import { createFieldInput, type FieldInput } from './field-input.js';

export interface StepFormOptions {
  form: TaskForm;
  stepName: string;
  run: ActionRunner;
  complete(variables: Record<string, unknown>, opinion: string): Promise<void>;
  /** Admins only: extra raw variables (the operations console's editor); absent for officers. */
  adminVariables?: { element: HTMLElement; read(): { ok: true; variables: Record<string, unknown> } | { ok: false; message: string } };
}

/**
 * Working a step (issue #18): the step's own fields in the designer's words, the opinion (ý kiến)
 * every step keeps in the control sheet, and the way out — one button per choice on a decision
 * step (there is no way to finish it without choosing), "Complete the step" elsewhere. Checked
 * here first, and the engine checks again: its 400 lands on the field it names.
 */
export function createStepFormCard({ form, stepName, run, complete, adminVariables }: StepFormOptions): HTMLFormElement {
  const t = i18n.t;
  const inputs: FieldInput[] = form.fields.map((field) => createFieldInput(field, `f-${form.taskId.slice(0, 8)}`));
  const opinion = h('textarea', { id: 'od-opinion', name: 'opinion', rows: 3, maxlength: 4000, placeholder: t('Your opinion on the dossier at this step') });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const decisionError = h('p', { className: 'od-field-error', role: 'alert', hidden: true });
  const decision = form.decision;

  const submit = (choice?: FormValue) => {
    error.textContent = '';
    decisionError.hidden = true;
    const variables: Record<string, unknown> = {};
    let first: HTMLElement | null = null;
    for (const input of inputs) {
      const read = input.read();
      if ('error' in read) {
        input.showError(read.error);
        first ??= input.element;
      } else {
        input.showError(null);
        if (read.value !== undefined) variables[input.field.variable] = read.value;
      }
    }
    if (adminVariables) {
      const extra = adminVariables.read();
      if (!extra.ok) {
        error.textContent = extra.message;
        return;
      }
      Object.assign(variables, extra.variables);
    }
    if (first) {
      first.querySelector<HTMLElement>('input, select, textarea')?.focus();
      error.textContent = t('Some fields need your attention.');
      return;
    }
    if (decision && choice !== undefined) variables[decision.variable] = choice;
    const label = decision && choice !== undefined ? decision.choices.find((c) => c.value === choice)?.label : undefined;
    void run(
      formElement,
      error,
      () =>
        complete(variables, opinion.value.trim()).catch((failure) => {
          // The engine names the fields it refused: show each under its field, not as one sentence.
          if (failure instanceof ApiError && failure.status === 400 && markFields(failure)) throw new FieldsRefused();
          throw failure;
        }),
      { success: label ? t('Completed “{step}”: {choice}.', { step: stepName, choice: label }) : t('Completed “{step}”.', { step: stepName }), then: 'leave' },
    );
  };

  const markFields = (failure: ApiError): boolean => {
    let marked = false;
    for (const detail of failure.body.details as unknown as { field?: string }[]) {
      const variable = detail.field?.replace(/^variables\./, '');
      const input = inputs.find((i) => i.field.variable === variable);
      if (input) {
        input.showError(t('Check “{label}”: the server did not accept it.', { label: input.field.label }));
        marked = true;
      } else if (decision && variable === decision.variable) {
        decisionError.hidden = false;
        decisionError.textContent = t('Choose one of the decisions below.');
        marked = true;
      }
    }
    return marked;
  };

  const buttons = decision?.choices.length
    ? h(
        'div',
        { className: 'od-decision', role: 'group', 'aria-label': decision.label },
        h('p', { className: 'od-decision-question' }, decision.label),
        decisionError,
        h(
          'div',
          { className: 'od-decision-choices' },
          decision.choices.map((choice, index) =>
            h(
              'button',
              {
                type: 'button',
                className: `od-button od-choice${index === 0 ? ' od-button-primary' : ''}`,
                'data-action': 'choose',
                'data-choice': String(choice.value),
                onclick: () => submit(choice.value),
              },
              choice.label,
            ),
          ),
          decision.required ? null : h('button', { type: 'submit', className: 'od-button', 'data-action': 'confirm-complete' }, t('Complete without a decision')),
        ),
      )
    : h('div', { className: 'od-form-actions' }, h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'confirm-complete' }, t('Complete the step')));

  const formElement = h(
    'form',
    { className: 'od-card od-step-form', 'data-form': 'complete', novalidate: true },
    h('h2', {}, t('Handle this step')),
    inputs.length ? h('div', { className: 'od-step-fields' }, inputs.map((i) => i.element)) : null,
    h('div', { className: 'od-field od-field-opinion', 'data-field': 'opinion' }, h('label', { for: 'od-opinion' }, t('Opinion')), opinion, h('p', { className: 'od-field-hint' }, t('Kept in the control sheet (form 06).'))),
    adminVariables?.element ?? null,
    error,
    buttons,
  );
  formElement.addEventListener('submit', (event) => {
    event.preventDefault();
    // Enter in a field must not pick a decision for the officer.
    if (!decision || !decision.required) submit();
  });
  return formElement;
}

/** The engine's refusal, already shown field by field (the runner says only "check the fields"). */
class FieldsRefused extends Error {
  readonly shownOnFields = true;
  constructor() {
    super('fields refused');
  }
}
