import { FlowWalk, isStep } from './flow-walk.js';
import { handoffsOf } from './handoffs.js';
import { longestPathDays } from './longest-path.js';
import { readStepGraph } from './read-step-graph.js';
import type { StaticMetrics, StepMetrics } from './static-metrics.js';
import type { StepGraph, StepGraphNode } from './step-graph.js';

type Maybe<T> = T | undefined;

/** Finds a called process by its key (`calledElement`), as XML or an already parsed graph. */
export type CalledProcessResolver = (key: string) => Maybe<string | StepGraph> | Promise<Maybe<string | StepGraph>>;

export interface MetricsOptions {
  /** Without it a call activity counts as one step with its own allowance. */
  calledProcess?: CalledProcessResolver;
}

/**
 * Static metrics of a procedure model: steps, hand-offs, departments, times and compliance cost.
 * Definitions of hand-offs and of the longest path are in handoffs.ts and longest-path.ts.
 */
export async function procedureMetrics(source: string | StepGraph, options: MetricsOptions = {}): Promise<StaticMetrics> {
  return (await analyse(source, options, new Set())).metrics;
}

/** Whether a step has another step before it and after it, in the context it is counted in. */
interface Position {
  before: boolean;
  after: boolean;
}

interface Analysis {
  metrics: StaticMetrics;
  positions: Map<string, Position>;
}

async function analyse(source: string | StepGraph, options: MetricsOptions, calling: Set<string>): Promise<Analysis> {
  const graph = typeof source === 'string' ? await readStepGraph(source) : source;
  const walk = new FlowWalk(graph);
  const called = await resolveCalls(graph, options, new Set([...calling, graph.key]));

  const predecessors = new Set<string>();
  for (const node of graph.nodes.values()) if (isStep(node)) for (const next of walk.nextSteps(node.id)) predecessors.add(next);

  const perStep: StepMetrics[] = [];
  const positions = new Map<string, Position>();
  const add = (row: Omit<StepMetrics, 'intermediate'>, position: Position) => {
    perStep.push({ ...row, intermediate: position.before && position.after });
    positions.set(row.elementId, position);
  };
  for (const node of inFlowOrder(graph, walk)) {
    if (!isStep(node)) continue;
    const own = { before: predecessors.has(node.id), after: walk.nextSteps(node.id).length > 0 };
    const callee = called.get(node.id);
    if (!callee) {
      add(stepRow(node), own);
      continue;
    }
    // The called steps sit between the call activity's neighbours.
    for (const row of callee.metrics.perStep) {
      const inner = callee.positions.get(row.elementId)!;
      add(
        { ...row, counted: row.counted && node.step.counted, calledFrom: row.calledFrom ?? node.id },
        { before: own.before || inner.before, after: own.after || inner.after },
      );
    }
  }

  const departmentCodes = [...new Set(perStep.flatMap((s) => s.departmentCodes ?? (s.departmentCode ? [s.departmentCode] : [])))];
  const calledMetrics = [...called.values()].map((a) => a.metrics);
  const days = (node: StepGraphNode): number => {
    if (!node.step.counted) return 0;
    const callee = called.get(node.id);
    if (callee) return callee.metrics.longestPathDays;
    if (node.type === 'subProcess' && node.step.allowanceDays === undefined) return longestPathDays(graph, walk, node.id, days);
    return node.step.allowanceDays ?? 0;
  };

  const metrics: StaticMetrics = {
    processKey: graph.key,
    procedureCode: graph.procedure.procedureCode,
    steps: perStep.length,
    countedSteps: perStep.filter((s) => s.counted).length,
    handoffs: handoffsOf(graph, walk).length + sum(calledMetrics.map((m) => m.handoffs)),
    departments: departmentCodes.length,
    departmentCodes,
    statutoryDays: graph.procedure.statutoryDays ?? null,
    longestPathDays: round(longestPathDays(graph, walk, graph.key, days)),
    complianceCost: round(sum([...graph.nodes.values()].map((n) => n.step.complianceCost ?? 0)) + sum(calledMetrics.map((m) => m.complianceCost))),
    perStep,
  };
  return { metrics, positions };
}

/** Metrics of each call activity's process, by call activity id; cycles and unknown keys stay unresolved. */
async function resolveCalls(graph: StepGraph, options: MetricsOptions, calling: Set<string>): Promise<Map<string, Analysis>> {
  const result = new Map<string, Analysis>();
  if (!options.calledProcess) return result;
  for (const node of graph.nodes.values()) {
    if (node.type !== 'callActivity' || !node.calledElement || calling.has(node.calledElement)) continue;
    const source = await options.calledProcess(node.calledElement);
    if (source) result.set(node.id, await analyse(source, options, calling));
  }
  return result;
}

/** Nodes in the order a token meets them; unreachable ones last, in document order. */
function inFlowOrder(graph: StepGraph, walk: FlowWalk): StepGraphNode[] {
  const order = walk.flowOrder();
  const reached = new Set(order);
  return [...order, ...[...graph.nodes.keys()].filter((id) => !reached.has(id))].map((id) => graph.nodes.get(id)!);
}

function stepRow(node: StepGraphNode): Omit<StepMetrics, 'intermediate'> {
  return {
    elementId: node.id,
    name: node.name,
    departmentCode: node.step.departmentCode,
    role: node.step.role,
    allowanceDays: node.step.allowanceDays ?? 0,
    counted: node.step.counted,
    complianceCost: node.step.complianceCost ?? 0,
    ...(node.step.multiInstance ? { multiInstance: true, ...(node.step.departmentCodes ? { departmentCodes: [...node.step.departmentCodes] } : {}) } : {}),
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** Days and VND add up in binary floating point; keep the noise (0.1 + 0.2) out of reports. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;
