import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import { odModdleDescriptor } from '@onedoor/bpmn-schema';

const require = createRequire(import.meta.url);
const camundaDescriptor = require('camunda-bpmn-moddle/resources/camunda.json') as object;

/** A moddle element as bpmn-moddle returns it: typed loosely, read through `prop()` helpers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModdleElement = any;

export interface ReadResult {
  definitions: ModdleElement;
  warnings: string[];
}

/** Reads BPMN XML with our `od:` extension and Camunda's, for diagrams from Camunda tools. */
export async function readBpmnXml(xml: string): Promise<ReadResult> {
  const moddle = new BpmnModdle({
    od: odModdleDescriptor,
    camunda: camundaDescriptor,
  });
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');

  return {
    definitions: rootElement,
    warnings: (warnings ?? []).map((w: { message: string }) => w.message),
  };
}
