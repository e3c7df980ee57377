import { TextAreaEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { checkFeelCondition } from '../../shared/procedure/feel-condition.js';

/**
 * The FEEL condition of a sequence flow (docs/bpmn.md: optional leading `=`). The text is kept as
 * typed even when invalid, so nothing is lost mid-edit; the error shows here and the lint
 * rule blocks the deploy until it is fixed. Clearing the text removes the condition.
 */
export function ConditionEntry(props: { element: any; id: string }) {
  const { element, id } = props;
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const businessObject = element.businessObject;

  const getValue = () => businessObject.conditionExpression?.body ?? '';
  const setValue = (value: string) => {
    const body = value.trim();
    const existing = businessObject.conditionExpression;
    if (!body) {
      if (existing) modeling.updateProperties(element, { conditionExpression: undefined });
    } else if (existing) {
      modeling.updateModdleProperties(element, existing, { body });
    } else {
      modeling.updateProperties(element, { conditionExpression: bpmnFactory.create('bpmn:FormalExpression', { body }) });
    }
  };
  const validate = (value: string) => {
    if (!value || !value.trim()) return null;
    const { problem, at } = checkFeelCondition(value);
    if (problem === 'syntax') return translate('Invalid FEEL expression (at character {at}).').replace('{at}', String(at ?? 0));
    if (problem === 'doubled-comparison') return translate('Two comparison operators in a row.');
    return null;
  };

  return h(TextAreaEntry, {
    element,
    id,
    label: translate('Condition (FEEL)'),
    description: translate('A FEEL expression over the dossier variables, e.g. approved = true. The leading "=" is optional.'),
    debounce,
    monospace: true,
    getValue,
    setValue,
    validate,
  });
}
