import type { Department } from '@onedoor/contract';
import type EventBus from 'diagram-js/lib/core/EventBus';

export type { Department };

export type DirectoryState = 'loading' | 'ready' | 'offline';

export interface DepartmentDirectoryConfig {
  load?: () => Promise<Department[]>;
}

/**
 * The organisation's departments for the department pickers (properties panel, step table).
 * Loaded once per page; when the engine can't be reached the pickers fall back to typing the
 * code, so a designer can still draw offline.
 */
export class DepartmentDirectory {
  static $inject = ['eventBus', 'config.departmentDirectory'];

  state: DirectoryState = 'loading';
  departments: Department[] = [];

  constructor(
    private readonly eventBus: EventBus,
    private readonly config: DepartmentDirectoryConfig | undefined,
  ) {
    this.reload();
  }

  /** (Re)loads the list, e.g. after logging in; failures leave the pickers as code fields. */
  reload(): void {
    const load = this.config?.load;
    if (!load) {
      this.state = 'offline';
      return;
    }
    load().then(
      (departments) => this.settle('ready', departments),
      () => this.settle('offline', []),
    );
  }

  get available(): boolean {
    return this.state === 'ready' && this.departments.length > 0;
  }

  nameOf(code: string | undefined): string | undefined {
    return code ? this.departments.find((department) => department.code === code)?.name : undefined;
  }

  /** Departments with their depth in the parentCode tree, parents before children. */
  tree(): { department: Department; depth: number }[] {
    const known = new Set(this.departments.map((department) => department.code));
    const children = new Map<string | undefined, Department[]>();
    for (const department of this.departments) {
      const parent = department.parentCode && known.has(department.parentCode) ? department.parentCode : undefined;
      children.set(parent, [...(children.get(parent) ?? []), department]);
    }
    const result: { department: Department; depth: number }[] = [];
    const visit = (parent: string | undefined, depth: number, seen: Set<string>) => {
      for (const department of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'vi'))) {
        if (seen.has(department.code)) continue; // a parentCode cycle must not hang the page
        seen.add(department.code);
        result.push({ department, depth });
        visit(department.code, depth + 1, seen);
      }
    };
    visit(undefined, 0, new Set());
    return result;
  }

  private settle(state: DirectoryState, departments: Department[]): void {
    this.state = state;
    this.departments = Array.isArray(departments) ? departments.filter((department) => department?.code) : [];
    this.eventBus.fire('departmentDirectory.changed', { state });
  }
}
