import type { InstanceState } from '../instance-state.js';
import type { ExecutionRow } from '../rows.js';

/** Local variables whose names start with this are the engine's own bookkeeping, never shown to FEEL. */
export const HIDDEN_PREFIX = '~';

/**
 * Variable scopes: the instance's variables, overlaid by the local variables of every execution
 * from the token up to the root (an instance of a multi-instance step sees its element variable
 * and loopCounter, and its body's nrOf* counters). Most tokens have no local variables, so the
 * usual answer is the instance's variables as they are.
 */
export function variablesAt(state: InstanceState, token: ExecutionRow | undefined): Record<string, unknown> {
  const scopes: Record<string, unknown>[] = [];
  for (let e = token; e; e = e.parentId ? state.executions.get(e.parentId) : undefined) if (e.variables) scopes.push(e.variables);
  const result = state.variablesObject();
  for (let i = scopes.length - 1; i >= 0; i--) {
    for (const [name, value] of Object.entries(scopes[i])) if (!name.startsWith(HIDDEN_PREFIX)) result[name] = value;
  }
  return result;
}

/**
 * Where a variable set from `token` lands: the nearest execution up the chain that holds it
 * locally, else the instance (as Camunda propagates a variable to the scope that declares it).
 */
export function localHolder(state: InstanceState, token: ExecutionRow | undefined, name: string): ExecutionRow | undefined {
  for (let e = token; e; e = e.parentId ? state.executions.get(e.parentId) : undefined) {
    if (e.variables && Object.prototype.hasOwnProperty.call(e.variables, name)) return e;
  }
  return undefined;
}
