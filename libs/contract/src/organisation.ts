/** A department of the agency (GET /api/departments). */
export interface Department {
  code: string;
  name: string;
  parentCode?: string | null;
}

/** A user of the directory (GET /api/users). */
export interface DirectoryUser {
  username: string;
  fullName: string;
  departmentCode: string | null;
  roles: string[];
  active?: boolean;
}

/** A name for a username (GET /api/people). */
export interface Person {
  username: string;
  fullName: string;
  departmentCode: string | null;
}
