import type { TasklistApi } from '../api/tasklist-api.js';
import type { DefinitionSummary, Department, Person } from '@onedoor/contract';
import { useNames } from '../format/api-message.js';

/**
 * Names for the codes the API carries (department codes, usernames, definition ids), loaded
 * once per page: officers read names, never `SYT_MOTCUA` or `truongphong.btxh`.
 */
export class Directory {
  private departments = new Map<string, Department>();
  private definitions = new Map<string, DefinitionSummary>();
  private people = new Map<string, Person>();
  private loading?: Promise<void>;

  constructor(private readonly api: TasklistApi) {}

  load(): Promise<void> {
    this.loading ??= Promise.all([this.api.departments().catch(() => []), this.api.definitions().catch(() => []), this.api.people().catch(() => [])]).then(([departments, definitions, people]) => {
      this.departments = new Map(departments.map((d) => [d.code, d]));
      this.definitions = new Map(definitions.map((d) => [d.id, d]));
      this.people = new Map(people.map((p) => [p.username, p]));
      useNames((username) => this.personName(username));
    });
    return this.loading;
  }

  departmentName(code: string | null | undefined): string {
    if (!code) return '';
    return this.departments.get(code)?.name ?? code;
  }

  /** A person's full name; the username only for someone the directory doesn't know. */
  personName(username: string | null | undefined): string {
    if (!username) return '';
    return this.people.get(username)?.fullName ?? username;
  }

  /** The procedure's name; for a called sub-procedure, the child's own name. */
  procedureName(definitionId: string, fallbackKey?: string): string {
    return this.definitions.get(definitionId)?.name ?? fallbackKey ?? definitionId;
  }

  procedureCode(definitionId: string): string | null {
    return this.definitions.get(definitionId)?.procedureCode ?? null;
  }

  /** Every department, for pickers (search by department). */
  allDepartments(): Department[] {
    return [...this.departments.values()];
  }
}
