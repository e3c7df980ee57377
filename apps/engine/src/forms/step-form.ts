import type { FlowNode, FormFieldDefinition, FormValue, ProcedureGraph } from '../model/procedure-graph.js';
import { decisionAfter } from '../model/step-decision.js';
import { assignedIds } from '../model/step-forms.js';

/** The decision of a step as its form offers it: one button per choice, bound to the gateway's variable. */
export interface FormDecision {
  variable: string;
  /** The question ("Tiếp nhận người thực hành?"), from the decision field's label or the gateway's name. */
  label: string;
  required: boolean;
  choices: { value: FormValue; label: string }[];
}

/** What an officer fills in to complete a step: the declared fields, and the decision if the step makes one. */
export interface StepForm {
  fields: FormFieldDefinition[];
  decision: FormDecision | null;
}

/**
 * The form of a step (issue #18): its `od:formField`s, with the decision the gateway after it
 * needs. A decision field the designer declared gives the labels; a gateway nobody wrote a field
 * for still gets its buttons (labelled by its flows), so no officer ever meets a raw variable.
 */
export function stepForm(graph: ProcedureGraph, node: FlowNode): StepForm {
  const declared = node.form ?? [];
  const gateway = decisionAfter(graph, node);
  const decisionField = declared.find((f) => f.type === 'decision' || (gateway && f.variable === gateway.variable));
  const fields = declared.filter((f) => f !== decisionField);
  if (!decisionField && !gateway) return { fields, decision: null };
  if (gateway && (!decisionField || decisionField.variable === gateway.variable)) {
    const labelOf = (value: FormValue, fallback: string) => decisionField?.options?.find((o) => String(o.value) === String(value))?.label ?? fallback;
    return {
      fields,
      decision: {
        variable: gateway.variable,
        label: decisionField?.label ?? gateway.question ?? node.name ?? gateway.variable,
        required: gateway.required || decisionField?.required === true,
        choices: gateway.choices.map((c) => ({ value: c.value, label: labelOf(c.value, c.label) })),
      },
    };
  }
  // A decision field without a gateway that tests it: its own options are the choices.
  const field = decisionField!;
  return {
    fields,
    decision: { variable: field.variable, label: field.label, required: field.required, choices: field.options ?? [] },
  };
}

/** The step an officer field picks the assignee for, as the form needs it to list candidates. */
export function assignedStep(graph: ProcedureGraph, field: FormFieldDefinition): FlowNode | undefined {
  if (field.type !== 'officer') return undefined;
  if (field.assigns) return graph.nodes.get(assignedIds(field.assigns)[0]);
  return [...graph.nodes.values()].find((n) => n.step.assigneeVariable === field.variable);
}
