import { ListGroup } from '@bpmn-io/properties-panel';
import { is, type ModdleElement } from '../../shared/procedure/moddle-element.js';
import { OdCheckboxEntry, OdSelectEntry, OdTextEntry, isEdited } from './od-entries.js';

/** The field types a step's form offers (docs/bpmn.md's od:formField), as English source strings. */
export const FORM_FIELD_TYPES: { value: string; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'textarea', label: 'Long text' },
  { value: 'number', label: 'Number' },
  { value: 'date', label: 'Date' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'select', label: 'Choice from a list' },
  { value: 'officer', label: 'Officer for a later step' },
  { value: 'decision', label: 'Decision (buttons)' },
];

const formFieldsOf = (businessObject: ModdleElement): ModdleElement[] =>
  (businessObject.get('extensionElements')?.get('values') ?? []).filter((value: ModdleElement) => is(value, 'od:FormField'));

/**
 * "Step form" in the properties panel (issue #18): the fields an officer fills in to complete a
 * user or manual task, one collapsible item each — label, variable, type, required, and the
 * options or the step a pick assigns. Adding and removing are commands (undo covers them).
 */
export function formFieldsGroup(element: any, injector: any) {
  const businessObject = element.businessObject;
  if (!is(businessObject, 'bpmn:UserTask') && !is(businessObject, 'bpmn:ManualTask')) return null;
  const bpmnFactory = injector.get('bpmnFactory');
  const commandStack = injector.get('commandStack');
  const translate = injector.get('translate');
  const fields = formFieldsOf(businessObject);
  return {
    id: 'od-form',
    label: 'Step form',
    component: ListGroup,
    items: fields.map((field, index) => {
      const id = `${element.id}-formField-${index}`;
      return {
        id,
        label: field.get('label') || field.get('variable') || translate('(new field)'),
        entries: fieldEntries(id, field),
        autoFocusEntry: `${id}-label`,
        remove: (event: Event) => {
          event.stopPropagation();
          const extensionElements = businessObject.get('extensionElements');
          commandStack.execute('element.updateModdleProperties', {
            element,
            moddleElement: extensionElements,
            properties: { values: extensionElements.get('values').filter((value: ModdleElement) => value !== field) },
          });
        },
      };
    }),
    add: (event: Event) => {
      event.stopPropagation();
      const commands: unknown[] = [];
      let extensionElements = businessObject.get('extensionElements');
      if (!extensionElements) {
        extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
        extensionElements.$parent = businessObject;
        commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: businessObject, properties: { extensionElements } } });
      }
      const n = fields.length + 1;
      const field = bpmnFactory.create('od:FormField', { id: `truong${n}`, label: translate('New field'), type: 'text', variable: `truong${n}` });
      field.$parent = extensionElements;
      commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: extensionElements, properties: { values: [...extensionElements.get('values'), field] } } });
      commandStack.execute('properties-panel.multi-command-executor', commands);
    },
  };
}

function fieldEntries(id: string, field: ModdleElement): any[] {
  const target = () => field;
  const type = field.get('type') ?? 'text';
  const entries: any[] = [
    { id: `${id}-label`, component: OdTextEntry, isEdited: isEdited.text, label: 'Label', property: 'label', target, description: 'What the officer reads, in Vietnamese.' },
    { id: `${id}-variable`, component: OdTextEntry, isEdited: isEdited.text, label: 'Variable', property: 'variable', target, description: 'The process variable the value goes to (what conditions read): letters, digits and _.' },
    {
      id: `${id}-type`,
      component: OdSelectEntry,
      isEdited: isEdited.select,
      label: 'Type',
      property: 'type',
      target,
      options: (_: any, translate: (text: string) => string) => FORM_FIELD_TYPES.map((t) => ({ value: t.value, label: translate(t.label) })),
    },
    { id: `${id}-required`, component: OdCheckboxEntry, isEdited: isEdited.checkbox, label: 'Required', property: 'required', target, defaultValue: false },
  ];
  if (type === 'select' || type === 'decision' || type === 'boolean') {
    entries.push({ id: `${id}-options`, component: OdTextEntry, isEdited: isEdited.text, label: 'Options', property: 'options', target, description: 'value=Label pairs separated by |, e.g. dat=Đạt|khong-dat=Không đạt. A decision takes its choices from the gateway after the step when left empty.' });
  }
  if (type === 'officer') {
    entries.push({ id: `${id}-assigns`, component: OdTextEntry, isEdited: isEdited.text, label: 'Assigns the step', property: 'assigns', target, description: 'The id of the user task the picked officer will do (several ids separated by spaces).' });
  }
  return entries;
}
