import { TextAreaEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { checkFeelCondition } from '../../shared/procedure/feel-condition.js';
import type { ModdleElement } from '../../shared/procedure/moddle-element.js';

/**
 * Entries for what the engine runs beyond plain steps (docs/bpmn.md): the list a multi-instance
 * step iterates and the variable each instance sees its item as, a department given by a FEEL
 * expression, the DMN decision a business rule task evaluates, a FEEL script. Camunda's
 * attribute names are used where Camunda 7 has one, so diagrams travel both ways; every write
 * is a modeling command (undo covers it).
 */
export interface AttributeEntryProps {
  element: any;
  id: string;
  label: string;
  description?: string;
  /** The attribute, e.g. `camunda:collection`. */
  property: string;
  /** The moddle element carrying it (the step, or its loop characteristics). */
  target: (element: any) => ModdleElement;
  feel?: boolean;
}

const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';

/** A `camunda:` attribute written into a file must find its namespace declared. */
function declareCamunda(element: any): void {
  let definitions = element.businessObject;
  while (definitions?.$parent) definitions = definitions.$parent;
  if (definitions?.$attrs && !Object.values(definitions.$attrs).includes(CAMUNDA_NS)) definitions.$attrs['xmlns:camunda'] = CAMUNDA_NS;
}

function feelProblem(translate: (text: string) => string, value: string): string | null {
  if (!value || !value.trim()) return null;
  return checkFeelCondition(value).problem === 'syntax' ? translate('Invalid FEEL expression.') : null;
}

export function AttributeEntry(props: AttributeEntryProps) {
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const modeling = useService('modeling');
  const target = props.target(props.element);
  return h(TextFieldEntry, {
    element: props.element,
    id: props.id,
    label: translate(props.label),
    description: props.description && translate(props.description),
    debounce,
    getValue: () => target?.get(props.property) ?? '',
    validate: props.feel ? (value: string) => feelProblem(translate, value) : undefined,
    setValue: (value: string) => {
      if (props.property.startsWith('camunda:')) declareCamunda(props.element);
      modeling.updateModdleProperties(props.element, target, { [props.property]: value?.trim() ? value.trim() : undefined });
    },
  });
}

/** `od:department="= …"`: the department computed per instance (`= donVi` in a consultation). */
export function DepartmentExpressionEntry(props: { element: any; id: string }) {
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const modeling = useService('modeling');
  const target = props.element.businessObject;
  const current = (): string => {
    const value = target.get('od:department');
    return typeof value === 'string' && value.trim().startsWith('=') ? value.trim().slice(1).trim() : '';
  };
  return h(TextFieldEntry, {
    element: props.element,
    id: props.id,
    label: translate('Department expression (FEEL)'),
    description: translate('For a step sent to several departments: e.g. donVi, the element variable of the multi-instance. Replaces the department chosen above.'),
    debounce,
    getValue: current,
    validate: (value: string) => feelProblem(translate, value),
    setValue: (value: string) => {
      const expression = value?.trim();
      if (expression) modeling.updateModdleProperties(props.element, target, { 'od:department': `= ${expression}` });
      else if (current()) modeling.updateModdleProperties(props.element, target, { 'od:department': undefined });
    },
  });
}

/** The FEEL script of a script task: `scriptFormat="feel"` and the script body. */
export function FeelScriptEntry(props: { element: any; id: string }) {
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const modeling = useService('modeling');
  const target = props.element.businessObject;
  return h(TextAreaEntry, {
    element: props.element,
    id: props.id,
    label: translate('Script (FEEL)'),
    description: translate('Evaluated against the dossier variables; the engine runs FEEL only, never JavaScript.'),
    debounce,
    monospace: true,
    getValue: () => target.get('script') ?? '',
    validate: (value: string) => feelProblem(translate, value),
    setValue: (value: string) => modeling.updateModdleProperties(props.element, target, { scriptFormat: 'feel', script: value?.trim() || undefined }),
  });
}
