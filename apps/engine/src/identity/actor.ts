/** Who issues a command: a person (with their department and roles) or the engine itself. */
export interface Actor {
  username: string;
  departmentCode?: string | null;
  roles: string[];
}

/** The engine acting on its own (timers, jobs, start-up). */
export const SYSTEM_ACTOR: Actor = { username: 'system', roles: ['system'] };
