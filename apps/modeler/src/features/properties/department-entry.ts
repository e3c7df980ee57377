import { SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { readStepAttributes } from '../../shared/procedure/step-attributes.js';
import type { DepartmentDirectory } from './department-directory.js';
import type { OdEntryProps } from './od-entries.js';

/**
 * `od:department` of a step or lane: a select over the organisation's departments, or a
 * plain code field while the directory is unavailable (offline, not logged in).
 * For a step, the empty choice says which lane department it inherits.
 */
export function DepartmentEntry(props: OdEntryProps & { inheritsFromLane?: boolean }) {
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const modeling = useService('modeling');
  const directory: DepartmentDirectory = useService('departmentDirectory');
  const target = props.target(props.element);

  const getValue = () => target.get('od:department') ?? '';
  const setValue = (value: string) =>
    modeling.updateModdleProperties(props.element, target, { 'od:department': value.trim() || undefined });

  if (!directory.available) {
    return h(TextFieldEntry, {
      element: props.element,
      id: props.id,
      label: translate(props.label),
      description: translate('Department directory unavailable: type the department code.'),
      debounce,
      getValue,
      setValue,
    });
  }

  const getOptions = () => {
    const laneDepartment = props.inheritsFromLane ? readStepAttributes(target).laneDepartment : undefined;
    const empty = laneDepartment
      ? translate('(from the lane: {department})').replace('{department}', directory.nameOf(laneDepartment) ?? laneDepartment)
      : translate('(none)');
    const options = [{ value: '', label: empty }];
    for (const { department, depth } of directory.tree()) {
      // non-breaking spaces: the select shows the organisation tree
      options.push({ value: department.code, label: `${'\u00a0\u00a0'.repeat(depth)}${department.name} (${department.code})` });
    }
    const current = getValue();
    if (current && !directory.nameOf(current)) {
      options.push({ value: current, label: `${current} — ${translate('not in the directory')}` });
    }
    return options;
  };

  return h(SelectEntry, {
    element: props.element,
    id: props.id,
    label: translate(props.label),
    description: props.description && translate(props.description),
    getValue,
    getOptions,
    setValue,
  });
}
