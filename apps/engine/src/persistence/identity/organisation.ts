import { randomBytes, randomUUID } from 'node:crypto';
import type { Department, DirectoryUser, UserChange } from '@onedoor/contract';
import type { Database } from '../database.js';
import { DomainError, ErrorCode, notFound } from '../../shared/domain-error.js';
import { hashPassword, verifyPassword } from '../../identity/password-hasher.js';

/** What authenticate() knows of a user whose password was right. */
export interface AuthenticatedUser extends DirectoryUser {
  tokenGeneration: number;
  totpEnabled: boolean;
}

const USER_COLUMNS = `id, username, full_name AS "fullName", department_code AS "departmentCode", roles, active,
  external_subject IS NOT NULL AS external, totp_enabled AS "totpEnabled"`;

/** The system roles of docs/api.md; step role codes (reception, specialist…) sit beside them in `roles`. */
export const SYSTEM_ROLES = ['admin', 'designer', 'manager', 'leader', 'officer'] as const;

/** Departments and users: the organisation tasks are assigned to. */
export class Organisation {
  constructor(private readonly db: Database) {}

  departments(): Promise<Department[]> {
    return this.db.query<Department>(`SELECT code, name, parent_code AS "parentCode" FROM department ORDER BY coalesce(parent_code, code), parent_code NULLS FIRST, code`);
  }

  async createDepartment(input: Department): Promise<Department> {
    if (input.parentCode) {
      const [parent] = await this.db.query(`SELECT 1 FROM department WHERE code = $1`, [input.parentCode]);
      if (!parent) throw new DomainError(ErrorCode.BadInput, `parent department ${input.parentCode} does not exist`, [{ field: 'parentCode', message: 'unknown department' }]);
    }
    const inserted = await this.db.query(`INSERT INTO department (code, name, parent_code) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code`, [input.code, input.name, input.parentCode ?? null]);
    if (inserted.length === 0) throw new DomainError(ErrorCode.Conflict, `department ${input.code} already exists`);
    return { code: input.code, name: input.name, parentCode: input.parentCode ?? null };
  }

  async upsertDepartment(input: Department): Promise<void> {
    await this.db.query(`INSERT INTO department (code, name, parent_code) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code`, [input.code, input.name, input.parentCode ?? null]);
  }

  users(filter: { departmentCode?: string } = {}): Promise<DirectoryUser[]> {
    const params = filter.departmentCode ? [filter.departmentCode] : [];
    return this.db.query<DirectoryUser>(
      `SELECT ${USER_COLUMNS} FROM app_user
       ${filter.departmentCode ? 'WHERE department_code = $1' : ''} ORDER BY username`,
      params,
    );
  }

  /** Everyone's display name and department (no roles, no state): the directory pages print names from. */
  people(): Promise<{ username: string; fullName: string; departmentCode: string | null }[]> {
    return this.db.query(`SELECT username, full_name AS "fullName", department_code AS "departmentCode" FROM app_user ORDER BY username`);
  }

  async userOrUndefined(username: string): Promise<DirectoryUser | undefined> {
    const [row] = await this.db.query<DirectoryUser>(`SELECT ${USER_COLUMNS} FROM app_user WHERE username = $1`, [username]);
    return row;
  }

  async user(username: string): Promise<DirectoryUser> {
    const [row] = await this.db.query<DirectoryUser>(`SELECT ${USER_COLUMNS} FROM app_user WHERE username = $1`, [username]);
    if (!row) throw notFound('User', username);
    return row;
  }

  async createUser(input: { username: string; password: string; fullName: string; departmentCode: string | null; roles: string[] }): Promise<DirectoryUser> {
    await this.assertDepartment(input.departmentCode);
    const hash = await hashPassword(input.password);
    const id = randomUUID();
    const rows = await this.db.query(
      `INSERT INTO app_user (id, username, password_hash, full_name, department_code, roles) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [id, input.username, hash, input.fullName, input.departmentCode, input.roles],
    );
    if (rows.length === 0) throw new DomainError(ErrorCode.Conflict, `username ${input.username} is taken`);
    return { id, username: input.username, fullName: input.fullName, departmentCode: input.departmentCode, roles: input.roles, active: true };
  }

  /** Creates the user or resets its password and roles (configured first admin, demo seed). */
  async upsertUser(input: { username: string; password: string; fullName: string; departmentCode: string | null; roles: string[] }): Promise<void> {
    await this.assertDepartment(input.departmentCode);
    const hash = await hashPassword(input.password);
    await this.db.query(
      `INSERT INTO app_user (id, username, password_hash, full_name, department_code, roles) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, full_name = excluded.full_name,
         department_code = excluded.department_code, roles = excluded.roles, active = true`,
      [randomUUID(), input.username, hash, input.fullName, input.departmentCode, input.roles],
    );
  }

  /** The user when the password matches; undefined otherwise (no hint which part was wrong). */
  async authenticate(username: string, password: string): Promise<AuthenticatedUser | undefined> {
    const [row] = await this.db.query<AuthenticatedUser & { password_hash: string | null }>(
      `SELECT ${USER_COLUMNS}, token_generation AS "tokenGeneration", password_hash FROM app_user WHERE username = $1`,
      [username],
    );
    // No account, a disabled one, or one that signs in through the identity provider only.
    if (!row || !row.active || !row.password_hash) {
      // Spend the same time as a real check so response times don't reveal which usernames exist.
      await verifyPassword(password, DUMMY_HASH);
      return undefined;
    }
    if (!(await verifyPassword(password, row.password_hash))) return undefined;
    const { password_hash: _hash, ...user } = row;
    return user;
  }

  /** Sets a new password when the current one is right; false otherwise. Sessions are ended by the caller. */
  async changePassword(username: string, currentPassword: string, newPassword: string): Promise<boolean> {
    if (!(await this.authenticate(username, currentPassword))) return false;
    await this.setPassword(username, newPassword);
    return true;
  }

  /** An active user as a session needs them (after a second factor, a password change). */
  async authenticatedUser(username: string): Promise<AuthenticatedUser | undefined> {
    const [row] = await this.db.query<AuthenticatedUser>(`SELECT ${USER_COLUMNS}, token_generation AS "tokenGeneration" FROM app_user WHERE username = $1 AND active`, [username]);
    return row;
  }

  /** Sets a password without asking for the old one (an administrator's reset). */
  async setPassword(username: string, password: string): Promise<void> {
    const rows = await this.db.query(`UPDATE app_user SET password_hash = $2, password_changed_at = now() WHERE username = $1 RETURNING 1`, [username, await hashPassword(password)]);
    if (rows.length === 0) throw notFound('User', username);
  }

  /** Changes a user's name, department, roles or whether they may sign in; returns before and after. */
  async updateUser(username: string, change: UserChange): Promise<{ before: DirectoryUser; after: DirectoryUser }> {
    const before = await this.user(username);
    if (change.departmentCode !== undefined) await this.assertDepartment(change.departmentCode);
    await this.db.query(
      `UPDATE app_user SET full_name = coalesce($2, full_name),
              department_code = CASE WHEN $3::boolean THEN $4 ELSE department_code END,
              roles = coalesce($5, roles), active = coalesce($6, active)
        WHERE username = $1`,
      [username, change.fullName ?? null, change.departmentCode !== undefined, change.departmentCode ?? null, change.roles ?? null, change.active ?? null],
    );
    return { before, after: await this.user(username) };
  }

  async updateDepartment(code: string, change: { name?: string; parentCode?: string | null }): Promise<{ before: Department; after: Department }> {
    const [before] = await this.db.query<Department>(`SELECT code, name, parent_code AS "parentCode" FROM department WHERE code = $1`, [code]);
    if (!before) throw notFound('Department', code);
    if (change.parentCode) {
      // A department can't sit under itself or under one of its own sub-departments.
      const [cycle] = await this.db.query(
        `WITH RECURSIVE up AS (SELECT code, parent_code FROM department WHERE code = $1
           UNION ALL SELECT d.code, d.parent_code FROM department d JOIN up ON d.code = up.parent_code)
         SELECT 1 FROM up WHERE code = $2`,
        [change.parentCode, code],
      );
      if (cycle) throw new DomainError(ErrorCode.BadInput, `${change.parentCode} is ${code} or under it`, [{ field: 'parentCode', message: 'would make a cycle' }]);
      await this.assertDepartment(change.parentCode);
    }
    const [after] = await this.db.query<Department>(
      `UPDATE department SET name = coalesce($2, name), parent_code = CASE WHEN $3::boolean THEN $4 ELSE parent_code END
        WHERE code = $1 RETURNING code, name, parent_code AS "parentCode"`,
      [code, change.name ?? null, change.parentCode !== undefined, change.parentCode ?? null],
    );
    return { before, after };
  }

  /** The second factor of a user: its secret and the last step used (so a code works once). */
  async totp(username: string): Promise<{ secret: string | null; enabled: boolean; lastStep: number | null } | undefined> {
    const [row] = await this.db.query<{ secret: string | null; enabled: boolean; last_step: string | null }>(
      `SELECT totp_secret AS secret, totp_enabled AS enabled, totp_last_step AS last_step FROM app_user WHERE username = $1`,
      [username],
    );
    return row ? { secret: row.secret, enabled: row.enabled, lastStep: row.last_step === null ? null : Number(row.last_step) } : undefined;
  }

  async setTotp(username: string, state: { secret: string | null; enabled: boolean }): Promise<void> {
    await this.db.query(`UPDATE app_user SET totp_secret = $2, totp_enabled = $3, totp_last_step = NULL WHERE username = $1`, [username, state.secret, state.enabled]);
  }

  /** Records the step of a code just accepted; false when another request used it first. */
  async useTotpStep(username: string, step: number): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE app_user SET totp_last_step = $2 WHERE username = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING 1`,
      [username, step],
    );
    return rows.length > 0;
  }

  /**
   * The local account of someone the identity provider vouched for, created on first sign-in
   * (no password: they sign in there) and kept in step with the provider's claims afterwards.
   */
  async provisionExternal(input: { subject: string; username: string; fullName: string; departmentCode: string | null; roles: string[] }): Promise<AuthenticatedUser> {
    await this.assertDepartment(input.departmentCode);
    await this.db.query(
      `INSERT INTO app_user (id, username, password_hash, full_name, department_code, roles, external_subject)
       VALUES ($1, $2, NULL, $3, $4, $5, $6)
       ON CONFLICT (external_subject) DO UPDATE SET full_name = excluded.full_name, department_code = excluded.department_code, roles = excluded.roles`,
      [randomUUID(), input.username, input.fullName, input.departmentCode, input.roles, input.subject],
    );
    const [row] = await this.db.query<AuthenticatedUser>(`SELECT ${USER_COLUMNS}, token_generation AS "tokenGeneration" FROM app_user WHERE external_subject = $1`, [input.subject]);
    return row;
  }

  /** The agency (root of the department tree) a department belongs to. */
  async agencyOf(departmentCode: string | null | undefined): Promise<string | null> {
    if (!departmentCode) return null;
    const [row] = await this.db.query<{ code: string }>(
      `WITH RECURSIVE up AS (SELECT code, parent_code, 0 AS depth FROM department WHERE code = $1
         UNION ALL SELECT d.code, d.parent_code, up.depth + 1 FROM department d JOIN up ON d.code = up.parent_code WHERE up.depth < 20)
       SELECT code FROM up WHERE parent_code IS NULL LIMIT 1`,
      [departmentCode],
    );
    return row?.code ?? null;
  }

  /** The token signing key, created once and shared by every engine node through the database. */
  async signingKey(): Promise<Buffer> {
    await this.db.query(`INSERT INTO setting (key, value) VALUES ('token-signing-key', $1) ON CONFLICT (key) DO NOTHING`, [randomBytes(32).toString('base64')]);
    const [row] = await this.db.query<{ value: string }>(`SELECT value FROM setting WHERE key = 'token-signing-key'`);
    return Buffer.from(row.value, 'base64');
  }

  private async assertDepartment(code: string | null): Promise<void> {
    if (!code) return;
    const [found] = await this.db.query(`SELECT 1 FROM department WHERE code = $1`, [code]);
    if (!found) throw new DomainError(ErrorCode.BadInput, `department ${code} does not exist`, [{ field: 'departmentCode', message: 'unknown department' }]);
  }
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
