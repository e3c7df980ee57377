/** A demo user as processes/organisation.json lists them. */
export interface DemoUser {
  username: string;
  departmentCode: string | null;
  roles: string[];
}

/**
 * What `npm start` prints when the node serves: where to go and, in demo mode, who to sign in as
 * (one user per kind of work, so a first-time visitor can try each desk).
 */
export function readyMessage(options: { port: number; host: string; demoUsers?: DemoUser[] }): string {
  const where = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const base = `http://${where}:${options.port}`;
  const lines = [
    `OneDoor is ready: open ${base}/`,
    `  modeler ${base}/modeler/ · reports ${base}/reports/ · API ${base}/api (OpenAPI ${base}/api/docs) · health ${base}/health`,
  ];
  const users = options.demoUsers ?? [];
  if (users.length > 0) {
    const firstWith = (role: string) => users.find((u) => u.roles.includes(role));
    const picks = ['admin', 'designer', 'manager', 'reception', 'specialist', 'head', 'leader']
      .map((role) => [role, firstWith(role)] as const)
      .filter((entry): entry is readonly [string, DemoUser] => entry[1] !== undefined);
    const seen = new Set<string>();
    const shown = picks.filter(([, u]) => !seen.has(u.username) && seen.add(u.username)).map(([role, u]) => `${u.username} (${role}${u.departmentCode ? `, ${u.departmentCode}` : ''})`);
    lines.push(`  demo users, password "demo": ${shown.join(', ')} — all ${users.length} in processes/README.md`);
  }
  return lines.join('\n');
}
