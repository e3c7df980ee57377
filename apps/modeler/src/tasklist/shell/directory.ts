import type { TasklistApi } from '../api/tasklist-api.js';
import type { Department, ProcessDefinition } from '../api/tasklist-types.js';

/**
 * Names for the codes a task carries (department code, definition id), loaded once per page:
 * the inbox shows dozens of rows and both lists are short.
 */
export class Directory {
  private departments = new Map<string, Department>();
  private definitions = new Map<string, ProcessDefinition>();
  private loading?: Promise<void>;

  constructor(private readonly api: TasklistApi) {}

  load(): Promise<void> {
    this.loading ??= Promise.all([this.api.departments().catch(() => []), this.api.definitions().catch(() => [])]).then(([departments, definitions]) => {
      this.departments = new Map(departments.map((d) => [d.code, d]));
      this.definitions = new Map(definitions.map((d) => [d.id, d]));
    });
    return this.loading;
  }

  departmentName(code: string | null | undefined): string {
    if (!code) return '';
    return this.departments.get(code)?.name ?? code;
  }

  /** The procedure's name; for a called sub-procedure, the child's own name. */
  procedureName(definitionId: string, fallbackKey?: string): string {
    return this.definitions.get(definitionId)?.name ?? fallbackKey ?? definitionId;
  }

  procedureCode(definitionId: string): string | null {
    return this.definitions.get(definitionId)?.procedureCode ?? null;
  }
}
