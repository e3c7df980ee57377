import type { StepElement } from './step-attributes.js';

/**
 * The departments a multi-instance step will be sent to, when the diagram says so: its
 * `od:department` is the element variable (`= donVi`) and its collection is a FEEL list of
 * codes (`["SO_TC", "SO_XD"]`). The re-engineering metrics then count the step once with these
 * departments; a collection read from a variable gives none (known only per dossier).
 */
export function loopDepartments(element: StepElement & { loopCharacteristics?: LoopElement }, departmentExpression: string | undefined): string[] | undefined {
  const loop = element.loopCharacteristics;
  if (!loop || loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics' || !departmentExpression) return undefined;
  const zeebe = (loop.extensionElements?.values ?? []).find((v) => v.$type === 'zeebe:loopCharacteristics');
  const elementVariable = read(loop, 'camunda:elementVariable') ?? zeebe?.inputElement;
  const collection = read(loop, 'camunda:collection') ?? zeebe?.inputCollection;
  if (!elementVariable || !collection || departmentExpression.trim() !== elementVariable) return undefined;
  const literal = collection.trim().replace(/^=/, '').trim();
  if (!/^\[.*\]$/s.test(literal)) return undefined;
  const items = literal.slice(1, -1).split(',').map((item) => item.trim());
  if (!items.every((item) => /^"[^"]+"$/.test(item))) return undefined;
  return [...new Set(items.map((item) => item.slice(1, -1)))];
}

interface LoopElement {
  $type: string;
  extensionElements?: { values?: { $type: string; inputElement?: string; inputCollection?: string }[] };
  get(name: string): unknown;
}

function read(element: LoopElement, name: string): string | undefined {
  try {
    const value = element.get(name);
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}
