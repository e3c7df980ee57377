import type { FlowNode } from '../../model/procedure-graph.js';
import type { Position } from '../behaviour.js';
import type { InstanceState } from '../instance-state.js';
import type { ExecutionRow, TaskRow } from '../rows.js';
import type { Runtime } from '../runtime.js';
import { evaluateFeel, stuck } from './feel-values.js';
import { variablesAt } from './variables.js';

/**
 * The department a step lands in at this token: its code, or its `od:department` expression
 * evaluated in the token's scope — so each instance of a consultation (`= donVi`) goes to the
 * department of its own item.
 */
export function departmentAt(state: InstanceState, token: ExecutionRow, node: FlowNode): string | null {
  const expression = node.step.departmentExpression;
  if (expression === undefined) return node.step.departmentCode ?? null;
  const value = evaluateFeel(node, 'od:department', expression, variablesAt(state, token));
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (value && typeof value === 'object' && typeof (value as { code?: unknown }).code === 'string') return (value as { code: string }).code;
  throw stuck(node, `od:department "= ${expression}" gave ${JSON.stringify(value ?? null)}, not a department code`);
}

/** Opens a task in the department's inbox for the token at a user or manual task. */
export function createTask(rt: Runtime, at: Position, kind: TaskRow['kind']): TaskRow {
  const { state, token, node } = at;
  const allowance = node.step.allowanceDays;
  const departmentCode = departmentAt(state, token, node);
  const task: TaskRow = {
    id: rt.ports.newId(),
    instanceId: state.id,
    executionId: token.id,
    elementId: node.id,
    name: node.name ?? null,
    kind,
    definitionId: state.instance.definitionId,
    definitionKey: state.instance.definitionKey,
    businessKey: state.instance.businessKey,
    departmentCode,
    role: node.step.role ?? null,
    assignee: node.step.assignee ?? pickedAssignee(state, node.step.assigneeVariable),
    createdAt: rt.now,
    // Each task's due instant runs from its own start: instances of a sequential consultation
    // each get the full allowance.
    dueAt: allowance !== undefined && allowance > 0 ? rt.ports.time.stepDueAt(rt.now, allowance) : null,
    activityInstanceId: token.activityInstanceId!,
    revision: 0,
    suspended: false,
  };
  state.tasks.set(task.id, task);
  // The task's history is its activity's row: one row per step, not two.
  rt.history.updateActivity(state.instance, task.activityInstanceId, {
    taskId: task.id,
    dueAt: task.dueAt,
    assignee: task.assignee,
    departmentCode: task.departmentCode,
    role: task.role,
    allowanceDays: allowance ?? null,
    counted: node.step.counted,
  });
  rt.events.push({ type: 'task.created', task });
  return task;
}

/** `opinion`: what the officer wrote (ý kiến on completion, the reason of a return), kept in history. */
export function endTask(rt: Runtime, state: InstanceState, task: TaskRow, outcome: 'completed' | 'canceled' | 'returned', by: string | null, opinion?: string | null): void {
  state.tasks.delete(task.id);
  // The activity row closes in the same command (leave, return or cancel set its end and state);
  // the task's own end is what is written here.
  rt.history.updateActivity(state.instance, task.activityInstanceId, { outcome, endedBy: by, assignee: task.assignee ?? by, ...(opinion ? { opinion } : {}) });
  rt.events.push({ type: 'task.ended', task, outcome, by, ...(opinion ? { opinion } : {}) });
}

/** The officer an earlier step picked for this one (a form's `officer` field), if it holds a name. */
function pickedAssignee(state: InstanceState, variable: string | undefined): string | null {
  if (!variable) return null;
  const value = state.variables.get(variable);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
