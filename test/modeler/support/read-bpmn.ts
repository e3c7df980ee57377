import { readFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';
import { odModdleDescriptor } from '@onedoor/bpmn-schema';
import type { ModdleElement } from '../../../apps/modeler/src/shared/procedure/moddle-element.js';

export interface ParsedBpmn {
  definitions: ModdleElement;
  warnings: { message: string }[];
  elementsById: Record<string, ModdleElement>;
}

/** Parses BPMN XML with the same moddle extensions as the modeler (BPMN + `od:`). */
export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  const moddle = new BpmnModdle({ od: odModdleDescriptor as any });
  const result = await moddle.fromXML(xml, 'bpmn:Definitions');
  // bpmn-moddle returns elementsById but its typings leave it out
  const { elementsById } = result as unknown as { elementsById: Record<string, ModdleElement> };
  return { definitions: result.rootElement as ModdleElement, warnings: result.warnings, elementsById };
}

export async function readBpmn(file: string | URL): Promise<ParsedBpmn> {
  return parseBpmn(await readFile(file, 'utf8'));
}
