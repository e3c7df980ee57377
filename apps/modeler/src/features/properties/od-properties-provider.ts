import { Group } from '@bpmn-io/properties-panel';
import type EventBus from 'diagram-js/lib/core/EventBus';
import { is, type ModdleElement } from '../../shared/procedure/moddle-element.js';
import { ConditionEntry } from './condition-entry.js';
import { formFieldsGroup } from './form-fields-group.js';
import { DepartmentEntry } from './department-entry.js';
import { OD_ROLES } from './od-roles.js';
import { OdCheckboxEntry, OdNumberEntry, OdSelectEntry, OdTextEntry, isEdited } from './od-entries.js';
import { AttributeEntry, DepartmentExpressionEntry, FeelScriptEntry } from './executable-entries.js';

// after bpmn-js-properties-panel's own provider (priority 1000), so our groups can follow "General"
const PRIORITY = 500;

const ownBusinessObject = (element: any): ModdleElement => element.businessObject;
const processOf = (element: any): ModdleElement =>
  is(element.businessObject, 'bpmn:Participant') ? element.businessObject.processRef : element.businessObject;

/**
 * The properties panel groups for the `od:` dialect (docs/bpmn.md): the procedure on a process or
 * pool, the department on a lane, the step attributes on activities, re-engineering data on
 * every flow node, and the FEEL condition on sequence flows that can carry one.
 */
export class OdPropertiesProvider {
  static $inject = ['propertiesPanel', 'eventBus', 'translate', 'injector'];

  constructor(
    propertiesPanel: any,
    eventBus: EventBus,
    private readonly translate: (text: string) => string,
    private readonly injector: any,
  ) {
    propertiesPanel.registerProvider(PRIORITY, this);
    // the department picker switches from a code field to a select once the directory loads
    eventBus.on('departmentDirectory.changed', () => {
      eventBus.fire('propertiesPanel.providersChanged');
    });
  }

  getGroups(element: any) {
    return (groups: any[]) => {
      const ours = [
        procedureGroup(element),
        laneGroup(element),
        stepGroup(element),
        formFieldsGroup(element, this.injector),
        multiInstanceGroup(element),
        decisionGroup(element),
        scriptGroup(element),
        conditionGroup(element),
        reengineeringGroup(element),
      ]
        .filter((group) => group !== null)
        // entries translate their own labels; group headers are rendered as given
        .map((group) => ({ ...group, label: this.translate(group.label) }));
      const general = groups.findIndex((group) => group.id === 'general');
      groups.splice(general + 1, 0, ...ours);
      return groups;
    };
  }
}

function procedureGroup(element: any) {
  const isProcess = is(element.businessObject, 'bpmn:Process');
  const isPoolWithProcess = is(element.businessObject, 'bpmn:Participant') && element.businessObject.processRef;
  if (!isProcess && !isPoolWithProcess) return null;
  return {
    id: 'od-procedure',
    label: 'Administrative procedure',
    component: Group,
    shouldOpen: true,
    entries: [
      { id: 'od-procedureCode', component: OdTextEntry, isEdited: isEdited.text, label: 'Procedure code', property: 'od:procedureCode', target: processOf, description: 'The national procedure code (Mã TTHC), e.g. 1.001806.' },
      { id: 'od-statutoryDays', component: OdNumberEntry, isEdited: isEdited.number, label: 'Statutory time (working days)', property: 'od:statutoryDays', target: processOf, min: 0, step: 0.25, description: 'The counted step allowances should add up to it.' },
      { id: 'od-field', component: OdTextEntry, isEdited: isEdited.text, label: 'Field', property: 'od:field', target: processOf },
      { id: 'od-agencyCode', component: OdTextEntry, isEdited: isEdited.text, label: 'Agency code', property: 'od:agencyCode', target: processOf },
      {
        id: 'od-supplementPolicy',
        component: OdSelectEntry,
        isEdited: isEdited.select,
        label: 'When a supplement is requested',
        property: 'od:supplementPolicy',
        target: processOf,
        options: (_: any, translate: (text: string) => string) => [
          { value: '', label: translate('Restart the clock (default)') },
          { value: 'restart', label: translate('Restart the clock from zero on the complete dossier') },
          { value: 'pause', label: translate('Pause the clock while waiting for the applicant') },
        ],
      },
    ],
  };
}

function laneGroup(element: any) {
  if (!is(element.businessObject, 'bpmn:Lane')) return null;
  return {
    id: 'od-lane',
    label: 'Department',
    component: Group,
    shouldOpen: true,
    entries: [
      { id: 'od-lane-department', component: DepartmentEntry, isEdited: isEdited.select, label: 'Department', property: 'od:department', target: ownBusinessObject, description: 'Steps in this lane without a department of their own go to this one.' },
    ],
  };
}

function stepGroup(element: any) {
  const businessObject = element.businessObject;
  if (!is(businessObject, 'bpmn:Activity')) return null;
  const allowance = { id: 'od-allowanceDays', component: OdNumberEntry, isEdited: isEdited.number, label: 'Time allowance (working days)', property: 'od:allowanceDays', target: ownBusinessObject, min: 0, step: 0.25, description: '0.25 = 2 working hours, 0.5 = 4 working hours.' };
  if (is(businessObject, 'bpmn:SubProcess')) {
    return { id: 'od-step', label: 'Step of the procedure', component: Group, shouldOpen: true, entries: [allowance] };
  }
  const entries: any[] = [
    { id: 'od-department', component: DepartmentEntry, isEdited: isEdited.select, label: 'Department', property: 'od:department', target: ownBusinessObject, inheritsFromLane: true },
    {
      id: 'od-role',
      component: OdSelectEntry,
      isEdited: isEdited.select,
      label: 'Role',
      property: 'od:role',
      target: ownBusinessObject,
      options: (current: any, translate: (text: string) => string) => {
        const options = [{ value: '', label: translate('(none)') }, ...OD_ROLES.map((role) => ({ value: role.code, label: translate(role.label) }))];
        const role = current.businessObject.get('od:role');
        if (role && !OD_ROLES.some((known) => known.code === role)) options.push({ value: role, label: role });
        return options;
      },
    },
    { id: 'od-department-expression', component: DepartmentExpressionEntry, isEdited: isEdited.text },
    allowance,
    { id: 'od-counted', component: OdCheckboxEntry, isEdited: isEdited.checkbox, label: 'Counted in the statutory time', property: 'od:counted', target: ownBusinessObject, defaultValue: true, description: 'Untick for steps outside the statutory time, such as returning the result.' },
  ];
  if (is(businessObject, 'bpmn:ServiceTask')) {
    entries.push({ id: 'od-handler', component: OdTextEntry, isEdited: isEdited.text, label: 'Engine handler', property: 'od:handler', target: ownBusinessObject, description: 'Name of a handler registered in the engine; empty: the step does nothing.' });
  }
  return { id: 'od-step', label: 'Step of the procedure', component: Group, shouldOpen: true, entries };
}

const loopOf = (element: any): ModdleElement => element.businessObject.loopCharacteristics;

/** The list a multi-instance step iterates (Camunda 7's names); cardinality and completion condition are in the standard group. */
function multiInstanceGroup(element: any) {
  const businessObject = element.businessObject;
  if (!is(businessObject, 'bpmn:Activity') || !is(businessObject.loopCharacteristics, 'bpmn:MultiInstanceLoopCharacteristics')) return null;
  return {
    id: 'od-multi-instance',
    label: 'Instances of the step',
    component: Group,
    shouldOpen: true,
    entries: [
      { id: 'od-collection', component: AttributeEntry, isEdited: isEdited.text, label: 'Collection (variable or FEEL)', property: 'camunda:collection', target: loopOf, feel: true, description: 'One instance per item, e.g. donViPhoiHop — the departments consulted.' },
      { id: 'od-elementVariable', component: AttributeEntry, isEdited: isEdited.text, label: 'Element variable', property: 'camunda:elementVariable', target: loopOf, description: 'What each instance calls its item, e.g. donVi; use it as the department expression.' },
    ],
  };
}

function decisionGroup(element: any) {
  const businessObject = element.businessObject;
  if (!is(businessObject, 'bpmn:BusinessRuleTask')) return null;
  return {
    id: 'od-decision',
    label: 'Decision (DMN)',
    component: Group,
    shouldOpen: true,
    entries: [
      { id: 'od-decisionRef', component: AttributeEntry, isEdited: isEdited.text, label: 'Decision id', property: 'camunda:decisionRef', target: ownBusinessObject, description: 'The id of a DMN decision table deployed with the procedure.' },
      { id: 'od-resultVariable', component: AttributeEntry, isEdited: isEdited.text, label: 'Result variable', property: 'camunda:resultVariable', target: ownBusinessObject },
      {
        id: 'od-mapDecisionResult',
        component: OdSelectEntry,
        isEdited: isEdited.select,
        label: 'Result shape',
        property: 'camunda:mapDecisionResult',
        target: ownBusinessObject,
        options: (_: any, translate: (text: string) => string) => [
          { value: '', label: translate('Every matched rule (default)') },
          { value: 'singleEntry', label: translate('One value') },
          { value: 'singleResult', label: translate('One rule’s outputs') },
          { value: 'collectEntries', label: translate('One output of every matched rule') },
        ],
      },
    ],
  };
}

function scriptGroup(element: any) {
  const businessObject = element.businessObject;
  if (!is(businessObject, 'bpmn:ScriptTask')) return null;
  return {
    id: 'od-script',
    label: 'Script',
    component: Group,
    shouldOpen: true,
    entries: [
      { id: 'od-script-body', component: FeelScriptEntry, isEdited: isEdited.textArea },
      { id: 'od-script-result', component: AttributeEntry, isEdited: isEdited.text, label: 'Result variable', property: 'camunda:resultVariable', target: ownBusinessObject },
    ],
  };
}

function reengineeringGroup(element: any) {
  const businessObject = element.businessObject;
  if (!is(businessObject, 'bpmn:FlowNode')) return null;
  const entries: any[] = [
    { id: 'od-legalBasis', component: OdTextEntry, isEdited: isEdited.textArea, multiline: true, label: 'Legal basis', property: 'od:legalBasis', target: ownBusinessObject },
    { id: 'od-complianceCost', component: OdNumberEntry, isEdited: isEdited.number, label: 'Compliance cost (VND)', property: 'od:complianceCost', target: ownBusinessObject, min: 0, step: 1000, description: 'What this step costs the applicant.' },
    { id: 'od-removalProposed', component: OdCheckboxEntry, isEdited: isEdited.checkbox, label: 'Proposed for removal', property: 'od:removalProposed', target: ownBusinessObject, defaultValue: false },
  ];
  if (businessObject.get('od:removalProposed') || businessObject.get('od:removalReason')) {
    entries.push({ id: 'od-removalReason', component: OdTextEntry, isEdited: isEdited.textArea, multiline: true, label: 'Reason for removal', property: 'od:removalReason', target: ownBusinessObject, description: 'Required: a step flagged for removal cannot be deployed without it.' });
  }
  return { id: 'od-reengineering', label: 'Re-engineering', component: Group, entries };
}

function conditionGroup(element: any) {
  const businessObject = element.businessObject;
  if (!is(businessObject, 'bpmn:SequenceFlow')) return null;
  const source = businessObject.sourceRef;
  const canBeConditional =
    is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway') || is(source, 'bpmn:Activity');
  if (!canBeConditional || source.get('default') === businessObject) return null;
  return {
    id: 'od-condition',
    label: 'Condition',
    component: Group,
    shouldOpen: true,
    entries: [{ id: 'od-conditionExpression', component: ConditionEntry, isEdited: isEdited.textArea }],
  };
}
