import type { FormFieldType } from '@onedoor/bpmn-schema';
import type { Wire } from './wire.js';

/** An open task (GET /api/tasks, GET /api/tasks/{id}), as the inbox query reads it. */
export interface TaskView {
  id: string;
  name: string | null;
  elementId: string;
  /** userTask or manualTask. */
  kind: string;
  processInstanceId: string;
  /** For a step of a called sub-procedure this is the child's definition, not the dossier's. */
  definitionId: string;
  definitionKey: string;
  businessKey: string | null;
  dossierCode: string | null;
  departmentCode: string | null;
  role: string | null;
  assignee: string | null;
  createdAt: Date;
  dueAt: Date | null;
  overdue: boolean;
}
export type Task = Wire<TaskView>;

/** A value a form field or a decision holds. */
export type FormValue = string | number | boolean;
export type { FormFieldType };

/** One field of a step's form (GET /api/tasks/{id}/form). */
export interface TaskFormField {
  id: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  variable: string;
  description?: string;
  options?: { value: FormValue; label: string }[];
  /** The value the instance holds now (an earlier pass, a return): the form starts from it. */
  value?: unknown;
  /** type `officer`: the step the pick is for; `options` are its officers (username → full name). */
  assignsStep?: { elementId: string; name: string | null; departmentCode: string | null; role: string | null };
}

/** The step's decision: the variable the outgoing gateway reads and the choices it offers. */
export interface FormDecision {
  variable: string;
  label: string;
  required: boolean;
  choices: { value: FormValue; label: string }[];
}

/** What the task page needs to render a step's form and offer only the actions that apply. */
export interface TaskForm {
  taskId: string;
  fields: TaskFormField[];
  decision: (FormDecision & { value?: unknown }) | null;
  /** Where "return to the previous step" would send the dossier; null on the first step (no return offered). */
  previousStep: { elementId: string; name: string | null } | null;
}

/** The inbox's three lists. */
export type InboxFilter = 'mine' | 'candidate' | 'overdue';
