import type { Department, DirectoryUser, NewUser, UserChange } from '@onedoor/contract';
import type { ApiClient } from '../../shared/api-client.js';

/** The administrator's calls (API.md: /api/users, /api/departments); the engine audits each change. */
export class AdministrationApi {
  constructor(private readonly api: ApiClient) {}

  users(): Promise<DirectoryUser[]> {
    return this.api.get('/api/users');
  }

  createUser(user: NewUser): Promise<DirectoryUser> {
    return this.api.post('/api/users', user);
  }

  /** A change of department or roles, or disabling, ends the user's sessions on every node. */
  updateUser(username: string, change: UserChange): Promise<DirectoryUser> {
    return this.api.patch(`/api/users/${encodeURIComponent(username)}`, change);
  }

  resetPassword(username: string, newPassword: string): Promise<void> {
    return this.api.post(`/api/users/${encodeURIComponent(username)}/password`, { newPassword });
  }

  endSessions(username: string): Promise<void> {
    return this.api.post(`/api/users/${encodeURIComponent(username)}/end-sessions`);
  }

  departments(): Promise<Department[]> {
    return this.api.get('/api/departments');
  }

  createDepartment(department: { code: string; name: string; parentCode?: string }): Promise<Department> {
    return this.api.post('/api/departments', department);
  }

  updateDepartment(code: string, change: { name?: string; parentCode?: string | null }): Promise<Department> {
    return this.api.patch(`/api/departments/${encodeURIComponent(code)}`, change);
  }
}
