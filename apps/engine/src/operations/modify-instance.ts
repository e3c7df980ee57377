import type { Command, CommandContext } from '../commands/command.js';
import type { InstanceModified } from '@onedoor/contract';
import { flow as flowOf, type FlowNode, type ProcedureGraph } from '../model/procedure-graph.js';
import type { InstanceState } from '../runtime/instance-state.js';
import type { ExecutionRow } from '../runtime/rows.js';
import { badInput } from '../shared/domain-error.js';
import { lockRunningInstance } from './instance-lock.js';
import { requireReason } from './reason.js';

/**
 * One instruction of a process instance modification (Camunda's names): start a token before
 * an activity (it runs the activity), after it (on its single outgoing flow), or cancel an
 * activity instance (or every instance of an activity).
 */
export type ModificationInstruction =
  | { type: 'startBeforeActivity'; activityId: string }
  | { type: 'startAfterActivity'; activityId: string }
  | { type: 'cancel'; activityInstanceId?: string; activityId?: string };

const STARTABLE_OUTSIDE: ReadonlySet<FlowNode['type']> = new Set(['startEvent', 'boundaryEvent']);

/**
 * Moves tokens of a running instance, in the order given. Cancelled activities close in history
 * as `canceled` (their open step ends `canceled`, by the administrator); started ones open as
 * any other. When no token is left once all instructions ran, the instance is terminated — so
 * "cancel X, start before Y" is a move and never ends the dossier half-way.
 */
export class ModifyInstance implements Command<InstanceModified> {
  readonly name = 'modify-instance';
  private readonly reason: string;

  constructor(
    private readonly instanceId: string,
    private readonly instructions: ModificationInstruction[],
    reason: string,
  ) {
    this.reason = requireReason(reason);
    if (!Array.isArray(instructions) || instructions.length === 0) throw badInput('no instruction given', [{ field: 'instructions', message: 'give at least one instruction' }]);
  }

  async execute(ctx: CommandContext): Promise<InstanceModified> {
    const state = await lockRunningInstance(ctx, this.instanceId);
    const rt = ctx.runtime;
    const graph = rt.graphOf(state);
    const before = activeActivities(state);
    this.instructions.forEach((instruction, i) => this.check(graph, state, instruction, `instructions[${i}]`));
    for (const instruction of this.instructions) {
      if (instruction.type === 'cancel') {
        for (const token of tokensToCancel(state, instruction)) if (state.executions.has(token.id)) rt.cancelToken(state, token);
        continue;
      }
      const node = graph.nodes.get(instruction.activityId)!;
      const token = rt.newExecution(state.id, scopeExecutionFor(state, graph, node)!.id, null, 'active');
      state.executions.set(token.id, token);
      if (instruction.type === 'startBeforeActivity') {
        rt.schedule('enter', () => rt.enter(state, token, node.id, null, {}));
      } else {
        const flowId = node.outgoing[0];
        rt.schedule('enter', () => rt.enter(state, token, flowOf(graph, flowId).targetId, flowId));
      }
      await rt.run();
    }
    await rt.run();
    if (state.instance.state === 'active' && state.childrenOf(state.id).length === 0) {
      await rt.endInstance(state, 'terminated');
      await rt.run();
    }
    const after = activeActivities(state);
    await ctx.audit({ operation: 'modify', entityType: 'process_instance', entityId: state.id, instanceId: state.id, fromState: { activeActivityIds: before }, details: { reason: this.reason, instructions: this.instructions, activeActivityIds: after } });
    return { id: state.id, state: state.instance.state, activeActivityIds: after };
  }

  private check(graph: ProcedureGraph, state: InstanceState, instruction: ModificationInstruction, field: string): void {
    if (!instruction || typeof instruction !== 'object') throw badInput(`${field} is not an instruction`, [{ field, message: 'an object with a type' }]);
    if (instruction.type === 'cancel') {
      if (tokensToCancel(state, instruction).length === 0) {
        throw badInput(`${field}: nothing to cancel`, [{ field, message: 'name an active activity instance (activityInstanceId) or an activity with tokens (activityId)' }]);
      }
      return;
    }
    if (instruction.type !== 'startBeforeActivity' && instruction.type !== 'startAfterActivity') {
      throw badInput(`${field}.type is unknown`, [{ field: `${field}.type`, message: 'one of startBeforeActivity, startAfterActivity, cancel' }]);
    }
    const node = typeof instruction.activityId === 'string' ? graph.nodes.get(instruction.activityId) : undefined;
    if (!node) throw badInput(`${field}.activityId is not an element of ${graph.key}`, [{ field: `${field}.activityId`, message: 'an element id of the instance’s diagram' }]);
    if (STARTABLE_OUTSIDE.has(node.type) || node.type === 'eventSubProcess') {
      throw badInput(`${field}: a token can't be placed on a ${node.type}`, [{ field: `${field}.activityId`, message: 'choose a task, gateway or intermediate event' }]);
    }
    if (!scopeExecutionFor(state, graph, node)) {
      throw badInput(`${field}: ${node.id} lies in a sub-process that is not running`, [{ field: `${field}.activityId`, message: 'start the sub-process itself, or an activity at the top level' }]);
    }
    if (instruction.type === 'startAfterActivity' && node.outgoing.length !== 1) {
      throw badInput(`${field}: ${node.id} has ${node.outgoing.length} outgoing flows`, [{ field: `${field}.activityId`, message: 'start after an activity with exactly one outgoing flow, or before its successor' }]);
    }
  }
}

function tokensToCancel(state: InstanceState, instruction: { activityInstanceId?: string; activityId?: string }): ExecutionRow[] {
  const tokens = [...state.executions.values()].filter((e) => e.id !== state.id);
  if (instruction.activityInstanceId) return tokens.filter((e) => e.activityInstanceId === instruction.activityInstanceId);
  if (instruction.activityId) return tokens.filter((e) => e.activityId === instruction.activityId);
  return [];
}

/** The execution a new token at `node` belongs under: the instance itself, or the running sub-process holding the node. */
function scopeExecutionFor(state: InstanceState, graph: ProcedureGraph, node: FlowNode): ExecutionRow | undefined {
  if (node.scopeId === graph.key) return state.executions.get(state.id);
  return [...state.executions.values()].find((e) => e.activityId === node.scopeId && e.state === 'scope');
}

export function activeActivities(state: InstanceState): string[] {
  return [...state.executions.values()].flatMap((e) => (e.activityId && e.id !== state.id ? [e.activityId] : [])).sort();
}
