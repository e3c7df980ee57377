import type { TaskForm, TaskFormField } from '@onedoor/contract';
import { previousStepOf } from '../../persistence/history/previous-step.js';
import type { Database } from '../../persistence/database.js';
import type { DefinitionCache } from '../../persistence/definition-store.js';
import type { TaskView } from '../task-queries.js';
import { officersFor } from './officer-candidates.js';
import { assignedStep, stepForm } from '../../forms/step-form.js';

export type { TaskForm, TaskFormField };

/**
 * The form of an open task (GET /api/tasks/{id}/form): fields with their current values, officer
 * picks resolved to the people who can be picked, the decision's choices, and the step a return
 * would go back to. Read-only; the completion checks the same form again (forms/form-submission).
 */
export class TaskFormQuery {
  constructor(
    private readonly db: Database,
    private readonly definitions: DefinitionCache,
  ) {}

  async load(task: TaskView): Promise<TaskForm> {
    return this.db.transaction(async (sql) => {
      const { graph } = await this.definitions.byId(sql, task.definitionId);
      const node = graph.nodes.get(task.elementId);
      const variables = await sql.query<{ name: string; value: unknown }>(`SELECT name, value FROM variable WHERE instance_id = $1`, [task.processInstanceId]);
      const current = new Map(variables.map((v) => [v.name, v.value]));
      const form = node ? stepForm(graph, node) : { fields: [], decision: null };
      const fields: TaskFormField[] = [];
      for (const field of form.fields) {
        const view: TaskFormField = { ...field, ...(current.has(field.variable) ? { value: current.get(field.variable) } : {}) };
        const target = assignedStep(graph, field);
        if (target) {
          view.assignsStep = { elementId: target.id, name: target.name ?? null, departmentCode: target.step.departmentCode ?? null, role: target.step.role ?? null };
          view.options = (await officersFor(sql, target)).map((o) => ({ value: o.username, label: o.fullName }));
        }
        fields.push(view);
      }
      const previous = await previousStepOf(sql, graph, { instanceId: task.processInstanceId, elementId: task.elementId, createdAt: task.createdAt });
      return {
        taskId: task.id,
        fields,
        decision: form.decision ? { ...form.decision, ...(current.has(form.decision.variable) ? { value: current.get(form.decision.variable) } : {}) } : null,
        previousStep: previous ? { elementId: previous.elementId, name: previous.name } : null,
      };
    });
  }
}
