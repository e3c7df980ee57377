import { DmnModdle } from 'dmn-moddle';
import { parseExpression, parseUnaryTests } from 'feelin';
import type { ErrorDetail } from '../shared/domain-error.js';
import type { Aggregation, DecisionTable, HitPolicy } from './decision-table.js';

const HIT_POLICIES: HitPolicy[] = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const AGGREGATIONS: Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

export interface ParsedDmn {
  decisions: DecisionTable[];
  warnings: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Element = any;

/** Whether a deployment resource is DMN rather than BPMN (by name, else by its namespace). */
export function isDmnResource(name: string, xml: string): boolean {
  return /\.dmn$/i.test(name) || /xmlns(:\w+)?="https:\/\/www\.omg\.org\/spec\/DMN\/20191111\/MODEL\/?"/.test(xml.slice(0, 2000));
}

/**
 * Reads the decision tables of a DMN 1.3 file, checking every FEEL expression, unary test and
 * hit policy, and reporting every problem with the decision's or rule's id.
 */
export async function parseDmn(xml: string, details: ErrorDetail[]): Promise<ParsedDmn> {
  let definitions: Element;
  let warnings: string[] = [];
  try {
    const read = await new DmnModdle().fromXML(xml, 'dmn:Definitions');
    definitions = read.rootElement;
    warnings = (read.warnings ?? []).map((w: { message: string }) => w.message);
  } catch (error) {
    details.push({ elementType: 'dmn:Definitions', message: `the file is not DMN 1.3 XML: ${(error as Error).message}` });
    return { decisions: [], warnings };
  }
  const decisions: DecisionTable[] = [];
  for (const decision of (definitions?.drgElement ?? []).filter((e: Element) => e.$type === 'dmn:Decision')) {
    const refuse = (message: string, elementId: string = decision.id) => details.push({ elementId, elementType: 'dmn:Decision', message });
    const table = decision.decisionLogic;
    if (!table || table.$type !== 'dmn:DecisionTable') {
      refuse(`the decision's logic is ${table?.$type ?? 'missing'}; the engine evaluates decision tables`);
      continue;
    }
    const hitPolicy: HitPolicy = (table.hitPolicy ?? 'UNIQUE') as HitPolicy;
    if (!HIT_POLICIES.includes(hitPolicy)) refuse(`hit policy ${table.hitPolicy} is not one of ${HIT_POLICIES.join(', ')}`);
    const aggregation = table.aggregation as Aggregation | undefined;
    if (aggregation && (!AGGREGATIONS.includes(aggregation) || hitPolicy !== 'COLLECT')) refuse(`aggregation ${aggregation} applies to COLLECT only, as SUM, MIN, MAX or COUNT`);
    const inputs = (table.input ?? []).map((input: Element) => {
      const expression = feel(input.inputExpression?.text, (m) => refuse(`input "${input.label ?? input.id}": ${m}`, input.id), 'expression');
      return { label: input.label, expression: expression ?? 'null' };
    });
    const outputs = (table.output ?? []).map((output: Element, i: number) => ({
      name: output.name || (table.output.length === 1 ? decision.id : `output${i + 1}`),
      label: output.label,
      values: output.outputValues?.text ? splitValues(output.outputValues.text) : undefined,
    }));
    if (outputs.length === 0) refuse('the decision table has no output');
    if (aggregation && aggregation !== 'COUNT' && outputs.length !== 1) refuse(`aggregation ${aggregation} needs exactly one output`);
    if ((hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER') && !outputs.some((o: DecisionTable['outputs'][number]) => o.values)) {
      refuse(`hit policy ${hitPolicy} ranks rules by the outputs' allowed values: give an output its outputValues`);
    }
    const rules = (table.rule ?? []).map((rule: Element) => {
      const inputEntries = (rule.inputEntry ?? []).map((entry: Element) => unaryTests(entry.text, (m) => refuse(m, rule.id)));
      const outputEntries = (rule.outputEntry ?? []).map((entry: Element) => feel(entry.text, (m) => refuse(m, rule.id), 'output entry') ?? 'null');
      if (inputEntries.length !== inputs.length) refuse(`the rule has ${inputEntries.length} input entries for ${inputs.length} inputs`, rule.id);
      if (outputEntries.length !== outputs.length) refuse(`the rule has ${outputEntries.length} output entries for ${outputs.length} outputs`, rule.id);
      return { id: rule.id, inputEntries, outputEntries };
    });
    decisions.push({ key: decision.id, name: decision.name, hitPolicy, aggregation, inputs, outputs, rules });
  }
  if (decisions.length === 0 && !details.length) details.push({ elementId: definitions?.id, elementType: 'dmn:Definitions', message: 'the DMN file holds no decision' });
  return { decisions, warnings };
}

function feel(text: string | undefined, refuse: (m: string) => void, what: string): string | undefined {
  const source = (text ?? '').trim();
  if (source === '') return undefined;
  if (hasError(() => parseExpression(source, {}, undefined))) {
    refuse(`${what} "${source}" is not valid FEEL`);
    return undefined;
  }
  return source;
}

function unaryTests(text: string | undefined, refuse: (m: string) => void): string {
  const source = (text ?? '').trim();
  if (source === '' || source === '-') return '-';
  if (hasError(() => parseUnaryTests(source, {}, undefined))) refuse(`input entry "${source}" is not valid FEEL unary tests`);
  return source;
}

function hasError(parse: () => { iterate(spec: { enter(node: { type: { isError: boolean } }): void }): void }): boolean {
  try {
    let error = false;
    parse().iterate({
      enter(node) {
        if (node.type.isError) error = true;
      },
    });
    return error;
  } catch {
    return true;
  }
}

/** `"low","medium","high"` → the values in priority order (quotes removed). */
function splitValues(text: string): string[] {
  return text.split(',').map((v) => v.trim().replace(/^"(.*)"$/, '$1')).filter(Boolean);
}
