/// <reference path="../../../../apps/engine/src/types/bpmn-moddle.d.ts" />
import { BpmnModdle } from 'bpmn-moddle';
// A JSON import (not createRequire) so the modeler can bundle this library for the browser.
import camundaDescriptor from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import { odModdleDescriptor } from '../../../bpmn-schema/src/od-moddle-descriptor.js';
import { linkFlowNodes } from '../../../bpmn-schema/src/link-flow-nodes.js';

/** A bpmn-moddle element: dynamic objects whose shape depends on `$type`, read loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModdleElement = any;

export type Moddle = InstanceType<typeof BpmnModdle>;

export interface ReadDefinitions {
  moddle: Moddle;
  definitions: ModdleElement;
  warnings: string[];
}

/** A moddle that knows our `od:` extension and Camunda's (candidate groups, call-activity mappings). */
export function createProcedureModdle(): Moddle {
  return new BpmnModdle({ od: odModdleDescriptor, camunda: camundaDescriptor as object });
}

/** Parses BPMN XML; rejects with the XML reader's error when the text is not BPMN. */
export async function readDefinitions(xml: string): Promise<ReadDefinitions> {
  const moddle = createProcedureModdle();
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  // <incoming>/<outgoing> are optional in the XML; the rewrite and the metrics read them.
  if (rootElement) linkFlowNodes(rootElement as object);
  return { moddle, definitions: rootElement, warnings: (warnings ?? []).map((w) => w.message) };
}

export async function writeDefinitions(moddle: Moddle, definitions: ModdleElement): Promise<string> {
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}
