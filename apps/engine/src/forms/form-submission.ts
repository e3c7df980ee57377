import { badInput, type ErrorDetail } from '../shared/domain-error.js';
import type { FormFieldDefinition, FormValue } from '../model/procedure-graph.js';
import type { StepForm } from './step-form.js';

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Checks what an officer submits against the step's form before anything runs: a required field
 * (or the decision) must end up with a value — sent now, or kept from an earlier pass — and every
 * value sent must fit its field. Refused with 400 naming each field, so a missing decision is
 * "Quyết định is required", never the gateway's "condition reads a variable that is not set".
 * `officers` lists, per officer field's variable, the usernames that may be picked.
 */
export function checkSubmission(form: StepForm, submitted: Record<string, unknown>, current: ReadonlyMap<string, unknown>, officers: ReadonlyMap<string, ReadonlySet<string>>): void {
  const problems: ErrorDetail[] = [];
  const present = (variable: string) => {
    const value = variable in submitted ? submitted[variable] : current.get(variable);
    return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
  };
  for (const field of form.fields) {
    if (field.variable in submitted && submitted[field.variable] !== null && submitted[field.variable] !== '') {
      const problem = misfit(field, submitted[field.variable], officers.get(field.variable));
      if (problem) problems.push({ field: `variables.${field.variable}`, message: `${field.label}: ${problem}` });
    } else if (field.required && !present(field.variable)) {
      problems.push({ field: `variables.${field.variable}`, message: `${field.label}: required` });
    }
  }
  const decision = form.decision;
  if (decision) {
    if (decision.variable in submitted && submitted[decision.variable] !== null) {
      const value = submitted[decision.variable];
      // With a default flow, a value no condition names (false where only "= true" is drawn) takes
      // the default path: only a value of another kind is a mistake.
      const fits = decision.required ? decision.choices.some((c) => c.value === value) : decision.choices.some((c) => c.value === value || typeof c.value === typeof value);
      if (!fits) {
        problems.push({ field: `variables.${decision.variable}`, message: `${decision.label}: must be one of ${decision.choices.map((c) => JSON.stringify(c.value)).join(', ')}` });
      }
    } else if (decision.required && !present(decision.variable)) {
      problems.push({ field: `variables.${decision.variable}`, message: `${decision.label}: choose one of ${decision.choices.map((c) => `"${c.label}"`).join(', ')}` });
    }
  }
  if (problems.length > 0) throw badInput(`the step's form is not complete: ${problems.map((p) => p.message).join('; ')}`, problems);
}

/** Why a value does not fit its field (English, as every engine message), or undefined. */
function misfit(field: FormFieldDefinition, value: unknown, officers: ReadonlySet<string> | undefined): string | undefined {
  switch (field.type) {
    case 'text':
    case 'textarea':
      if (typeof value !== 'string') return 'must be text';
      return value.length > 4000 ? 'at most 4000 characters' : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'must be a date (YYYY-MM-DD)';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'select':
    case 'decision':
      return field.options?.some((o) => o.value === (value as FormValue)) ? undefined : `must be one of ${(field.options ?? []).map((o) => JSON.stringify(o.value)).join(', ')}`;
    case 'officer':
      if (typeof value !== 'string') return 'must be a username';
      return officers && !officers.has(value) ? `${value} can't be picked: choose an active officer of the step's department` : undefined;
  }
}
