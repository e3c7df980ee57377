import type { ApiClient } from '../../shared/api-client.js';

export interface AdminUser {
  id: string;
  username: string;
  fullName: string;
  departmentCode: string | null;
  roles: string[];
  active: boolean;
  external?: boolean;
  totpEnabled?: boolean;
}

export interface AdminDepartment {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface NewUser {
  username: string;
  password: string;
  fullName: string;
  departmentCode: string;
  roles: string[];
}

export interface UserChange {
  fullName?: string;
  departmentCode?: string | null;
  roles?: string[];
  active?: boolean;
}

/** The administrator's calls (API.md: /api/users, /api/departments); the engine audits each change. */
export class AdministrationApi {
  constructor(private readonly api: ApiClient) {}

  users(): Promise<AdminUser[]> {
    return this.api.get('/api/users');
  }

  createUser(user: NewUser): Promise<AdminUser> {
    return this.api.post('/api/users', user);
  }

  /** A change of department or roles, or disabling, ends the user's sessions on every node. */
  updateUser(username: string, change: UserChange): Promise<AdminUser> {
    return this.api.patch(`/api/users/${encodeURIComponent(username)}`, change);
  }

  resetPassword(username: string, newPassword: string): Promise<void> {
    return this.api.post(`/api/users/${encodeURIComponent(username)}/password`, { newPassword });
  }

  endSessions(username: string): Promise<void> {
    return this.api.post(`/api/users/${encodeURIComponent(username)}/end-sessions`);
  }

  departments(): Promise<AdminDepartment[]> {
    return this.api.get('/api/departments');
  }

  createDepartment(department: { code: string; name: string; parentCode?: string }): Promise<AdminDepartment> {
    return this.api.post('/api/departments', department);
  }

  updateDepartment(code: string, change: { name?: string; parentCode?: string | null }): Promise<AdminDepartment> {
    return this.api.patch(`/api/departments/${encodeURIComponent(code)}`, change);
  }
}
