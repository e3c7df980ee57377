/** A department of the agency (GET /api/departments). */
export interface Department {
  code: string;
  name: string;
  parentCode: string | null;
}

/** A user of the directory (GET /api/users), as administrators manage it and desks assign work to it. */
export interface DirectoryUser {
  id: string;
  username: string;
  fullName: string;
  departmentCode: string | null;
  roles: string[];
  active: boolean;
  /** Signs in through the agency's identity provider (single sign-on), not with a password here. */
  external?: boolean;
  /** Has a second factor (an authenticator app). */
  totpEnabled?: boolean;
}

/** A new account (POST /api/users). */
export interface NewUser {
  username: string;
  password: string;
  fullName: string;
  departmentCode: string;
  roles: string[];
}

/** What an administrator changes of a user (PATCH /api/users/{username}); a field left out stays. */
export interface UserChange {
  fullName?: string;
  departmentCode?: string | null;
  roles?: string[];
  active?: boolean;
}

/** A name for a username (GET /api/people). */
export interface Person {
  username: string;
  fullName: string;
  departmentCode: string | null;
}
