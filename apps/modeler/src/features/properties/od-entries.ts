import {
  CheckboxEntry,
  NumberFieldEntry,
  SelectEntry,
  TextAreaEntry,
  TextFieldEntry,
  isCheckboxEntryEdited,
  isNumberFieldEntryEdited,
  isSelectEntryEdited,
  isTextAreaEntryEdited,
  isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { ModdleElement } from '../../shared/procedure/moddle-element.js';

/**
 * Generic entries for one `od:` attribute. The components are module-level (stable) and get
 * what varies through entry props, so preact keeps the inputs mounted while typing.
 * Every write is `modeling.updateModdleProperties`: a command, so undo/redo covers it.
 */
export interface OdEntryProps {
  element: any;
  id: string;
  label: string;
  description?: string;
  property: string;
  /** The moddle element carrying the attribute (the process for a pool, else the element's). */
  target: (element: any) => ModdleElement;
}

export interface OdSelectProps extends OdEntryProps {
  options: (element: any, translate: (text: string) => string) => { value: string; label: string }[];
}

export interface OdNumberProps extends OdEntryProps {
  min?: number;
  step?: number;
}

function useWrite(props: OdEntryProps) {
  const modeling = useService('modeling');
  const target = props.target(props.element);
  return {
    target,
    read: () => target.get(props.property),
    write: (value: unknown) => modeling.updateModdleProperties(props.element, target, { [props.property]: value }),
  };
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

export function OdTextEntry(props: OdEntryProps & { multiline?: boolean }) {
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const { read, write } = useWrite(props);
  return h(props.multiline ? TextAreaEntry : TextFieldEntry, {
    element: props.element,
    id: props.id,
    label: translate(props.label),
    description: props.description && translate(props.description),
    debounce,
    getValue: () => read() ?? '',
    setValue: (value: string) => write(blankToUndefined(value)),
  });
}

export function OdNumberEntry(props: OdNumberProps) {
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const { read, write } = useWrite(props);
  return h(NumberFieldEntry, {
    element: props.element,
    id: props.id,
    label: translate(props.label),
    description: props.description && translate(props.description),
    debounce,
    min: props.min,
    step: props.step,
    getValue: () => read() ?? '',
    validate: (value: string) =>
      value !== '' && value !== undefined && (!Number.isFinite(Number(value)) || Number(value) < (props.min ?? -Infinity))
        ? translate('Enter a number of at least {min}.').replace('{min}', String(props.min ?? 0))
        : null,
    setValue: (value: string, error?: string | null) => {
      if (error) return;
      write(value === '' || value === undefined ? undefined : Number(value));
    },
  });
}

export function OdCheckboxEntry(props: OdEntryProps & { defaultValue?: boolean }) {
  const translate = useService('translate');
  const { read, write } = useWrite(props);
  const defaultValue = props.defaultValue ?? false;
  return h(CheckboxEntry, {
    element: props.element,
    id: props.id,
    label: translate(props.label),
    description: props.description && translate(props.description),
    getValue: () => read() ?? defaultValue,
    // the default stays implicit in the XML: only the deviation is written
    setValue: (value: boolean) => write(value === defaultValue ? undefined : value),
  });
}

export function OdSelectEntry(props: OdSelectProps) {
  const translate = useService('translate');
  const { read, write } = useWrite(props);
  return h(SelectEntry, {
    element: props.element,
    id: props.id,
    label: translate(props.label),
    description: props.description && translate(props.description),
    getValue: () => read() ?? '',
    getOptions: (element: any) => props.options(element, translate),
    setValue: (value: string) => write(blankToUndefined(value)),
  });
}

export const isEdited = {
  text: isTextFieldEntryEdited,
  textArea: isTextAreaEntryEdited,
  number: isNumberFieldEntryEdited,
  checkbox: isCheckboxEntryEdited,
  select: isSelectEntryEdited,
};
