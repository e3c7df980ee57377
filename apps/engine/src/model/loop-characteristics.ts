import type { ModdleElement } from './moddle.js';
import type { LoopSpec } from './procedure-graph.js';
import { feelText, readFeel } from './feel-expression.js';

type Refuse = (element: ModdleElement, message: string) => void;

const JUEL = /^\s*[$#]\{/;

/**
 * Reads an activity's loop characteristics. Multi-instance takes its instances from
 * `loopCardinality` or from a collection — Camunda 7's `camunda:collection` (a variable name or
 * FEEL) with `camunda:elementVariable`, or Zeebe's `zeebe:loopCharacteristics`. A standard loop
 * repeats while its `loopCondition` holds.
 */
export function readLoop(element: ModdleElement, loop: ModdleElement, refuse: Refuse): LoopSpec | undefined {
  if (loop.$type === 'bpmn:StandardLoopCharacteristics') return readStandardLoop(element, loop, refuse);
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    refuse(element, `${loop.$type} is not a loop the engine knows`);
    return undefined;
  }
  const spec: LoopSpec = { kind: 'multiInstance', sequential: loop.isSequential === true };
  const zeebe = (loop.extensionElements?.values ?? []).find((v: ModdleElement) => v.$type === 'zeebe:loopCharacteristics');
  if (loop.loopCardinality && (loop.loopCardinality.body ?? '').trim()) {
    spec.cardinality = readFeel(element, loop.loopCardinality, refuse, 'loopCardinality');
  }
  const collection: string | undefined = loop.collection || zeebe?.inputCollection || undefined;
  if (collection) {
    if (JUEL.test(collection)) refuse(element, `collection "${collection}" is a Java expression (JUEL); name the variable or write FEEL`);
    else spec.collection = feelText(element, collection, refuse, 'collection');
  }
  spec.elementVariable = loop.elementVariable || zeebe?.inputElement || undefined;
  if (spec.elementVariable && !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(spec.elementVariable)) {
    refuse(element, `element variable "${spec.elementVariable}" must be a plain variable name`);
  }
  if (zeebe?.outputCollection) {
    spec.outputCollection = zeebe.outputCollection;
    if (!zeebe.outputElement) refuse(element, 'zeebe:loopCharacteristics has an outputCollection but no outputElement to put in it');
    else spec.outputElement = feelText(element, zeebe.outputElement, refuse, 'outputElement');
  }
  if (loop.completionCondition && (loop.completionCondition.body ?? '').trim()) {
    const body: string = loop.completionCondition.body;
    if (JUEL.test(body)) refuse(element, `completionCondition "${body.trim()}" is a Java expression (JUEL); write FEEL, e.g. = nrOfCompletedInstances >= 2`);
    else spec.completionCondition = readFeel(element, loop.completionCondition, refuse, 'completionCondition');
  }
  if (spec.cardinality === undefined && spec.collection === undefined && !hasRefusal(loop)) {
    refuse(element, 'the multi-instance activity says neither how many instances (loopCardinality) nor over which list (camunda:collection or zeebe:loopCharacteristics inputCollection)');
  }
  if (spec.cardinality !== undefined && spec.collection !== undefined) {
    refuse(element, 'give either loopCardinality or a collection, not both');
  }
  return spec;
}

function readStandardLoop(element: ModdleElement, loop: ModdleElement, refuse: Refuse): LoopSpec {
  const spec: LoopSpec = { kind: 'standard', sequential: true, testBefore: loop.testBefore === true };
  if (loop.loopCondition && (loop.loopCondition.body ?? '').trim()) spec.loopCondition = readFeel(element, loop.loopCondition, refuse, 'loopCondition');
  if (loop.loopMaximum !== undefined && loop.loopMaximum !== null && loop.loopMaximum !== '') {
    const max = Number(loop.loopMaximum);
    if (!Number.isInteger(max) || max < 0) refuse(element, `loopMaximum must be a whole number ≥ 0, not "${loop.loopMaximum}"`);
    else spec.loopMaximum = max;
  }
  if (spec.loopCondition === undefined && spec.loopMaximum === undefined) {
    refuse(element, 'the standard loop has neither a loopCondition nor a loopMaximum: it would never stop');
  }
  return spec;
}

/** A collection that was refused already needs no second "says neither" refusal. */
function hasRefusal(loop: ModdleElement): boolean {
  return Boolean(loop.collection && JUEL.test(loop.collection));
}
