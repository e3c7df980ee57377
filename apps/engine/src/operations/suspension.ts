import type { Command, CommandContext } from '../commands/command.js';
import type { SuspensionChanged } from '@onedoor/contract';
import type { Sql } from '../persistence/database.js';
import { conflict, notFound } from '../shared/domain-error.js';
import { lockRunningInstance } from './instance-lock.js';
import { requireReason } from './reason.js';
import { suspensionStore } from '../persistence/operations/suspension-store.js';

/**
 * Suspends or resumes a running instance (Camunda's suspension): while suspended its steps
 * can't be completed or returned (409) and its jobs — timers, escalations, deliveries — are not
 * taken by any node; they run when it resumes (a timer due meanwhile fires then).
 */
export class SuspendInstance implements Command<SuspensionChanged> {
  readonly name = 'suspend-instance';
  private readonly reason: string;

  constructor(
    private readonly instanceId: string,
    private readonly suspend: boolean,
    reason: string,
  ) {
    this.reason = requireReason(reason);
  }

  async execute(ctx: CommandContext): Promise<SuspensionChanged> {
    const state = await lockRunningInstance(ctx, this.instanceId, { allowSuspended: true });
    const was = state.instance.suspended === true;
    if (was === this.suspend) throw conflict(`process instance ${this.instanceId} is ${was ? 'already suspended' : 'not suspended'}`);
    // Jobs this instance's node holds are handed back: the poll skips them while suspended.
    await suspensionStore.setInstanceSuspended(ctx.sql, this.instanceId, this.suspend);
    state.instance.suspended = this.suspend;
    await ctx.store.touch(this.instanceId);
    await ctx.audit({ operation: this.suspend ? 'suspend' : 'resume', entityType: 'process_instance', entityId: this.instanceId, instanceId: this.instanceId, fromState: { suspended: was }, details: { reason: this.reason } });
    return { id: this.instanceId, suspended: this.suspend };
  }
}

/** Suspends or resumes a procedure version: while suspended no instance or dossier starts on it; running ones go on. */
export class SuspendDefinition implements Command<SuspensionChanged> {
  readonly name = 'suspend-definition';
  private readonly reason: string;

  constructor(
    private readonly definitionId: string,
    private readonly suspend: boolean,
    reason: string,
  ) {
    this.reason = requireReason(reason);
  }

  async execute(ctx: CommandContext): Promise<SuspensionChanged> {
    const row = await suspensionStore.lockDefinition(ctx.sql, this.definitionId);
    if (!row) throw notFound('Process definition', this.definitionId);
    if (row.suspended === this.suspend) throw conflict(`process definition ${this.definitionId} is ${row.suspended ? 'already suspended' : 'not suspended'}`);
    await suspensionStore.setDefinitionSuspended(ctx.sql, this.definitionId, this.suspend);
    await ctx.audit({ operation: this.suspend ? 'suspend' : 'resume', entityType: 'process_definition', entityId: this.definitionId, fromState: { suspended: row.suspended }, details: { reason: this.reason } });
    return { id: this.definitionId, suspended: this.suspend };
  }
}

/** Refuses a start on a suspended procedure version (409): hand starts and dossiers at the desk. */
export async function assertStartable(sql: Sql, definitionId: string): Promise<void> {
  const row = await suspensionStore.definitionState(sql, definitionId);
  if (row?.suspended) throw conflict(`version ${row.version} of ${row.key} is suspended: no new dossier starts on it`);
}
