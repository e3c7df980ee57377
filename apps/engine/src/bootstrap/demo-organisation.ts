import { readFile } from 'node:fs/promises';
import type { Organisation } from '../persistence/identity/organisation.js';

interface OrganisationFile {
  departments: { code: string; name: string; parentCode: string | null }[];
  users: { username: string; fullName: string; departmentCode: string; roles: string[] }[];
}

export const DEMO_PASSWORD = 'demo';

/** Seeds the demo organisation file (processes/organisation.json); every demo user's password is `demo`. */
export async function seedDemoOrganisation(organisation: Organisation, file: string): Promise<number> {
  const data = JSON.parse(await readFile(file, 'utf8')) as OrganisationFile;
  // Parents first: agencies have no parent.
  const ordered = [...data.departments].sort((a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null));
  for (const d of ordered) await organisation.upsertDepartment(d);
  for (const u of data.users) await organisation.upsertUser({ ...u, password: DEMO_PASSWORD });
  return data.users.length;
}
