import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../persistence/database.js';
import { DomainError, ErrorCode, notFound } from '../shared/domain-error.js';
import { hashPassword, verifyPassword } from './password-hasher.js';

export interface DepartmentView {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface UserView {
  id: string;
  username: string;
  fullName: string;
  departmentCode: string | null;
  roles: string[];
  active: boolean;
}

/** The system roles of API.md; step role codes (reception, specialist…) sit beside them in `roles`. */
export const SYSTEM_ROLES = ['admin', 'designer', 'manager', 'leader', 'officer'] as const;

/** Departments and users: the organisation tasks are assigned to. */
export class Organisation {
  constructor(private readonly db: Database) {}

  departments(): Promise<DepartmentView[]> {
    return this.db.query<DepartmentView>(`SELECT code, name, parent_code AS "parentCode" FROM department ORDER BY coalesce(parent_code, code), parent_code NULLS FIRST, code`);
  }

  async createDepartment(input: DepartmentView): Promise<DepartmentView> {
    if (input.parentCode) {
      const [parent] = await this.db.query(`SELECT 1 FROM department WHERE code = $1`, [input.parentCode]);
      if (!parent) throw new DomainError(ErrorCode.BadInput, `parent department ${input.parentCode} does not exist`, [{ field: 'parentCode', message: 'unknown department' }]);
    }
    const inserted = await this.db.query(`INSERT INTO department (code, name, parent_code) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code`, [input.code, input.name, input.parentCode ?? null]);
    if (inserted.length === 0) throw new DomainError(ErrorCode.Conflict, `department ${input.code} already exists`);
    return { code: input.code, name: input.name, parentCode: input.parentCode ?? null };
  }

  async upsertDepartment(input: DepartmentView): Promise<void> {
    await this.db.query(`INSERT INTO department (code, name, parent_code) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code`, [input.code, input.name, input.parentCode ?? null]);
  }

  users(filter: { departmentCode?: string } = {}): Promise<UserView[]> {
    const params = filter.departmentCode ? [filter.departmentCode] : [];
    return this.db.query<UserView>(
      `SELECT id, username, full_name AS "fullName", department_code AS "departmentCode", roles, active FROM app_user
       ${filter.departmentCode ? 'WHERE department_code = $1' : ''} ORDER BY username`,
      params,
    );
  }

  async user(username: string): Promise<UserView> {
    const [row] = await this.db.query<UserView>(`SELECT id, username, full_name AS "fullName", department_code AS "departmentCode", roles, active FROM app_user WHERE username = $1`, [username]);
    if (!row) throw notFound('User', username);
    return row;
  }

  async createUser(input: { username: string; password: string; fullName: string; departmentCode: string | null; roles: string[] }): Promise<UserView> {
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
  async authenticate(username: string, password: string): Promise<(UserView & { tokenGeneration: number }) | undefined> {
    const [row] = await this.db.query<UserView & { tokenGeneration: number; password_hash: string }>(
      `SELECT id, username, full_name AS "fullName", department_code AS "departmentCode", roles, active, token_generation AS "tokenGeneration", password_hash
         FROM app_user WHERE username = $1`,
      [username],
    );
    if (!row || !row.active) {
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
    await this.db.query(`UPDATE app_user SET password_hash = $2 WHERE username = $1`, [username, await hashPassword(newPassword)]);
    return true;
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
