import type { ErrorDetail } from '../shared/domain-error.js';
import type { ModdleElement } from './moddle.js';
import type { DossierComponentDefinition, FlowNode, FormFieldDefinition, FormFieldType, FormValue, ProcedureGraph } from './procedure-graph.js';
import { decisionAfter } from './step-decision.js';

type Refuse = (element: ModdleElement, message: string) => void;

const FIELD_TYPES: readonly FormFieldType[] = ['text', 'textarea', 'number', 'date', 'boolean', 'select', 'officer', 'decision'];
/** A name FEEL conditions can read (the engine's rule for variable names, commands/variables.ts). */
const VARIABLE = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const FORM_STEPS = new Set(['bpmn:UserTask', 'bpmn:ManualTask']);

/**
 * The `od:formField` elements of a step, read into field definitions (issue #18). Anything a
 * form could not render or check is refused at deploy with the step's id, never at a desk.
 */
export function readFormFields(element: ModdleElement, refuse: Refuse): FormFieldDefinition[] | undefined {
  const declared: ModdleElement[] = (element.extensionElements?.values ?? []).filter((v: ModdleElement) => v.$type === 'od:FormField');
  if (declared.length === 0) return undefined;
  if (!FORM_STEPS.has(element.$type)) {
    refuse(element, 'od:formField belongs on a user or manual task (a step someone completes)');
    return undefined;
  }
  const fields: FormFieldDefinition[] = [];
  for (const f of declared) {
    const variable = String(f.variable ?? f.id ?? '').trim();
    const where = `form field "${f.id ?? variable}"`;
    const type = (f.type ?? 'text') as FormFieldType;
    if (!VARIABLE.test(variable)) {
      refuse(element, `${where}: variable "${variable}" must be a name of letters, digits and _ (not starting with a digit)`);
      continue;
    }
    if (!FIELD_TYPES.includes(type)) {
      refuse(element, `${where}: type "${f.type}" is not one of ${FIELD_TYPES.join(', ')}`);
      continue;
    }
    if (fields.some((other) => other.variable === variable)) {
      refuse(element, `${where}: variable "${variable}" is set by another field of this step`);
      continue;
    }
    const options = f.options ? readOptions(String(f.options), type, (message) => refuse(element, `${where}: ${message}`)) : undefined;
    if (type === 'select' && !options?.length) refuse(element, `${where}: a select needs options ("value=Label|value=Label")`);
    if (type === 'officer' && f.assigns !== undefined && !String(f.assigns).trim()) refuse(element, `${where}: assigns names no step`);
    fields.push({
      id: String(f.id ?? variable),
      label: String(f.label ?? variable).trim() || variable,
      type,
      required: f.required === true,
      variable,
      ...(options ? { options } : {}),
      ...(type === 'officer' && f.assigns ? { assigns: String(f.assigns).trim() } : {}),
      ...(f.description ? { description: String(f.description) } : {}),
    });
  }
  return fields;
}

/**
 * `value=Label|value=Label` (an option without `=` is its own label), typed by the field: a
 * boolean's values are true/false, a number's are numbers, a decision's take the type of the
 * gateway's constants later (compared as text).
 */
function readOptions(text: string, type: FormFieldType, problem: (message: string) => void): { value: FormValue; label: string }[] {
  const options: { value: FormValue; label: string }[] = [];
  for (const part of text.split('|')) {
    if (!part.trim()) continue;
    const at = part.indexOf('=');
    const rawValue = (at < 0 ? part : part.slice(0, at)).trim();
    const label = (at < 0 ? part : part.slice(at + 1)).trim() || rawValue;
    let value: FormValue = rawValue;
    if (type === 'boolean') {
      if (rawValue !== 'true' && rawValue !== 'false') {
        problem(`option "${rawValue}" of a yes/no field must be true or false`);
        continue;
      }
      value = rawValue === 'true';
    } else if (type === 'decision') {
      // Compared with the gateway's constants: read the way a FEEL literal reads.
      value = rawValue === 'true' ? true : rawValue === 'false' ? false : rawValue !== '' && Number.isFinite(Number(rawValue)) ? Number(rawValue) : rawValue;
    } else if (type === 'number') {
      value = Number(rawValue);
      if (!rawValue || !Number.isFinite(value)) {
        problem(`option "${rawValue}" of a number field is not a number`);
        continue;
      }
    }
    options.push({ value, label });
  }
  return options;
}

/** The dossier's documents declared on the process (`od:dossierComponent`), for the desk's checklist. */
export function readDossierComponents(process: ModdleElement, refuse: Refuse): DossierComponentDefinition[] | undefined {
  const declared: ModdleElement[] = (process.extensionElements?.values ?? []).filter((v: ModdleElement) => v.$type === 'od:DossierComponent');
  if (declared.length === 0) return undefined;
  const components: DossierComponentDefinition[] = [];
  declared.forEach((c, index) => {
    const name = String(c.name ?? '').trim();
    if (!name) return refuse(process, `od:dossierComponent ${c.id ?? index + 1} has no name`);
    const id = String(c.id ?? `tp-${index + 1}`);
    if (components.some((other) => other.id === id)) return refuse(process, `od:dossierComponent id "${id}" appears twice`);
    const validMonths = c.validMonths === undefined ? undefined : Number(c.validMonths);
    if (validMonths !== undefined && (!Number.isInteger(validMonths) || validMonths < 1)) return refuse(process, `od:dossierComponent ${id}: validMonths must be a whole number of months, at least 1`);
    const kind = String(c.kind ?? '').trim() || id;
    components.push({
      id,
      name,
      required: c.required !== false,
      kind,
      ...(c.copies ? { copies: String(c.copies) } : {}),
      ...(c.template ? { template: String(c.template) } : {}),
      ...(validMonths !== undefined ? { validMonths } : {}),
    });
  });
  return components;
}

/** `${chuyenVien}` (Camunda) or `= chuyenVien` (FEEL): the variable an assignee is read from. */
export function assigneeVariableOf(expression: string | undefined): string | undefined {
  if (!expression) return undefined;
  const match = /^\s*(?:\$\{\s*([\p{L}_][\p{L}\p{N}_]*)\s*\}|=\s*([\p{L}_][\p{L}\p{N}_]*))\s*$/u.exec(expression);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * Ties the forms to the graph once every node exists: an officer pick becomes the assignee of the
 * step it `assigns` (a user task of the same process), every pick assigns some step, and a
 * decision field has choices (its own options or the conditions of the gateway after the step).
 */
export function linkStepForms(graph: ProcedureGraph, details: ErrorDetail[]): void {
  const refuse = (node: FlowNode, message: string) => details.push({ elementId: node.id, elementType: node.bpmnType, message });
  for (const node of graph.nodes.values()) {
    for (const field of node.form ?? []) {
      if (field.type === 'officer') {
        if (field.assigns) {
          for (const targetId of assignedIds(field.assigns)) {
            const target = graph.nodes.get(targetId);
            if (!target || (target.type !== 'userTask' && target.type !== 'manualTask')) {
              refuse(node, `form field "${field.id}": assigns "${targetId}", which is not a user task of this process`);
              continue;
            }
            const existing = target.step.assigneeVariable;
            if (existing && existing !== field.variable) {
              refuse(node, `form field "${field.id}": ${target.id} already takes its assignee from "${existing}"`);
              continue;
            }
            target.step.assigneeVariable = field.variable;
          }
        } else if (![...graph.nodes.values()].some((n) => n.step.assigneeVariable === field.variable)) {
          refuse(node, `form field "${field.id}": an officer pick must name the step it assigns (assigns="<user task id>")`);
        }
      }
      if (field.type === 'decision' && !field.options?.length && decisionAfter(graph, node)?.variable !== field.variable) {
        refuse(node, `form field "${field.id}": a decision needs options or a gateway after the step whose conditions test "${field.variable}"`);
      }
    }
  }
}

/** `assigns="buoc-3 buoc-4"`: the steps one pick assigns (the specialist who examines also inspects). */
export function assignedIds(assigns: string): string[] {
  return assigns.split(/[\s,]+/).filter(Boolean);
}
