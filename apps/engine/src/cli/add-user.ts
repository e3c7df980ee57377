import { randomBytes } from 'node:crypto';
import { UserDto } from '../api/organisation/organisation.controller.js';
import { assertPasswordAllowed } from '../identity/password-policy.js';
import { appendAudit } from '../persistence/audit-log.js';
import type { CliContext } from './cli-context.js';
import { validatedInput } from './validated-input.js';

export interface AddUserOptions {
  username: string;
  fullName?: string;
  department?: string;
  roles?: string;
  /** Unset: a random one is made and printed once, for the user to change at first sign-in. */
  password?: string;
}

/**
 * `onedoor users add <username> --name … --department … --roles a,b [--password …]`: the same
 * rules and the same audit entry as an administrator's `POST /api/users`.
 */
export async function addUser(ctx: CliContext, options: AddUserOptions): Promise<string[]> {
  const generated = options.password === undefined;
  const password = options.password ?? randomBytes(12).toString('base64url');
  const body = await validatedInput(UserDto, {
    username: options.username,
    password,
    fullName: options.fullName,
    departmentCode: options.department ?? '',
    roles: (options.roles ?? '').split(',').map((r) => r.trim()).filter(Boolean),
  });
  assertPasswordAllowed(body.password, 'password', body.username);
  const created = await ctx.organisation.createUser({ ...body, departmentCode: body.departmentCode || null });
  await appendAudit(ctx.engine.db, { at: new Date(), username: ctx.actor.username, operation: 'user-created', entityType: 'user', entityId: body.username, details: created });
  return [
    `user ${created.username} (${created.fullName}) added${created.departmentCode ? ` to ${created.departmentCode}` : ''}, roles: ${created.roles.join(', ') || 'none'}`,
    ...(generated ? [`password: ${password}  (shown once; the user should change it after signing in)`] : []),
  ];
}
