import { ALLOWANCE_TOLERANCE, countedAllowanceTotal } from '../../shared/procedure/counted-allowance-total.js';
import { is, type ModdleElement } from '../../shared/procedure/moddle-element.js';
import { collectSteps } from '../../shared/procedure/procedure-steps.js';
import { readStepAttributes, type StepAttributes } from '../../shared/procedure/step-attributes.js';

/** One row of the published procedure table. */
export interface StepRow extends StepAttributes {
  number: number;
  elementId: string;
  elementType: string;
  name: string;
}

/** One process as a published table: numbered steps and the counted total against the law. */
export interface ProcedureStepTable {
  processId: string;
  processName?: string;
  procedureCode?: string;
  statutoryDays?: number;
  rows: StepRow[];
  countedTotal: number;
  /** True when the process declares statutory days and the counted allowances don't add up to them. */
  mismatch: boolean;
}

/**
 * The step tables of a diagram, one per process that has steps (pools in collaboration order);
 * a diagram without any step still gets its first process, so the table shows its totals.
 */
export function buildStepTables(definitions: ModdleElement): ProcedureStepTable[] {
  const processes = orderedProcesses(definitions);
  const tables = processes.map(buildStepTable);
  const withSteps = tables.filter((table) => table.rows.length > 0);
  if (withSteps.length) return withSteps;
  return tables.slice(0, 1);
}

export function buildStepTable(process: ModdleElement): ProcedureStepTable {
  const rows = collectSteps(process).map((step, index) => ({
    ...readStepAttributes(step),
    number: index + 1,
    elementId: step.id ?? '',
    elementType: step.$type,
    name: (step.name ?? '').trim(),
  }));
  const countedTotal = countedAllowanceTotal(process);
  const statutory = process.get('od:statutoryDays');
  const statutoryDays = statutory === undefined || statutory === null || statutory === '' ? undefined : Number(statutory);
  return {
    processId: process.id ?? '',
    processName: process.name,
    procedureCode: process.get('od:procedureCode') || undefined,
    statutoryDays,
    rows,
    countedTotal,
    mismatch: statutoryDays !== undefined && Math.abs(countedTotal - statutoryDays) > ALLOWANCE_TOLERANCE,
  };
}

function orderedProcesses(definitions: ModdleElement): ModdleElement[] {
  const rootElements: ModdleElement[] = definitions.rootElements ?? [];
  const processes = rootElements.filter((element) => is(element, 'bpmn:Process'));
  const ordered: ModdleElement[] = [];
  for (const collaboration of rootElements.filter((element) => is(element, 'bpmn:Collaboration'))) {
    for (const participant of collaboration.participants ?? []) {
      const process = participant.processRef;
      if (process && processes.includes(process) && !ordered.includes(process)) ordered.push(process);
    }
  }
  return [...ordered, ...processes.filter((process) => !ordered.includes(process))];
}
