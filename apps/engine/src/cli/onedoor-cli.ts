import { isStartupProblem } from '../bootstrap/startup-problem.js';
import { isDatabaseOutage } from '../persistence/database-outage.js';
import { DomainError, ErrorCode } from '../shared/domain-error.js';
import { addUser } from './add-user.js';
import { CliUsageError, parseArguments } from './cli-arguments.js';
import type { CliContext } from './cli-context.js';
import { deployFiles } from './deploy-files.js';
import { importCalendar } from './import-calendar.js';
import { runMigrations } from './run-migrations.js';
import { schemaMissing } from '../persistence/schema-state.js';

export const USAGE = `Usage: onedoor <command>

  deploy <file.bpmn|file.dmn>… [--name <deployment>]   deploy procedures (one deployment, as an upload to POST /api/deployments)
  users add <username> --name <full name> [--department <code>] [--roles a,b] [--password <p>]
                                                       add a user (no --password: a random one is printed once)
  migrate                                              apply the schema migrations of this version
  calendar import <file.json|file.csv>                 set working-calendar days: [{ "date", "kind", "name" }] or date,kind,name

The database is DATABASE_URL's, else the embedded one of npm start (ONEDOOR_DATA_DIR, ONEDOOR_PG_PORT).`;

export interface CliIo {
  print(line: string): void;
  error(line: string): void;
  /** Opens the database and the engine's services; migrations are the caller's (the migrate command runs them). */
  open(): Promise<CliContext>;
}

/**
 * `npx onedoor …`: thin over the engine's own commands, the ones the API runs. Returns the exit
 * code: 0 done, 1 refused or failed (one line saying why), 2 a wrong command line.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let ctx: CliContext | undefined;
  const open = async () => (ctx ??= await io.open());
  try {
    const [command, sub, ...rest] = argv;
    let lines: string[];
    if (command === 'deploy') {
      const args = parseArguments([sub, ...rest].filter((a) => a !== undefined), ['name']);
      if (args.positionals.length === 0) throw new CliUsageError('deploy needs one or more files');
      lines = (await deployFiles(await ready(open), args.positionals, args.options.get('name'))).lines;
    } else if (command === 'users' && sub === 'add') {
      const args = parseArguments(rest, ['name', 'department', 'roles', 'password']);
      if (args.positionals.length !== 1) throw new CliUsageError('users add needs exactly one username');
      if (!args.options.has('name')) throw new CliUsageError('users add needs --name "<full name>"');
      const o = args.options;
      lines = await addUser(await ready(open), { username: args.positionals[0], fullName: o.get('name'), department: o.get('department'), roles: o.get('roles'), password: o.get('password') });
    } else if (command === 'migrate') {
      if (sub !== undefined) throw new CliUsageError('migrate takes no arguments');
      lines = await runMigrations((await open()).dataSource);
    } else if (command === 'calendar' && sub === 'import') {
      if (rest.length !== 1) throw new CliUsageError('calendar import needs exactly one file');
      lines = await importCalendar(await ready(open), rest[0]);
    } else if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.print(USAGE);
      return 0;
    } else {
      throw new CliUsageError(`unknown command: ${[command, sub].filter(Boolean).join(' ')}`);
    }
    for (const line of lines) io.print(line);
    return 0;
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.error(`onedoor: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.error(`onedoor: ${explain(error)}`);
    return 1;
  } finally {
    await ctx?.close().catch(() => undefined);
  }
}

/** Every command but migrate needs the current schema: say so rather than fail on a missing table. */
async function ready(open: () => Promise<CliContext>): Promise<CliContext> {
  const ctx = await open();
  if ((await schemaMissing(ctx.dataSource)) || (await ctx.dataSource.showMigrations())) {
    throw new DomainError(ErrorCode.Conflict, 'the database schema is older than this version: run `onedoor migrate` first (or start a node, which migrates)');
  }
  await ctx.calendar.reload();
  return ctx;
}

function explain(error: unknown): string {
  if (isStartupProblem(error)) return error.message;
  if (error instanceof DomainError) {
    // Field details already in the message (validation) are not repeated; a refused deployment's are listed.
    const details = (error.details ?? []).map((d) => `${d.field ?? [d.elementType, d.elementId].filter(Boolean).join(' ')}: ${d.message}`).filter((d) => !error.message.includes(d));
    return [error.message, ...details.map((d) => `  ${d}`)].join('\n');
  }
  if (isDatabaseOutage(error)) return `the database does not answer (${(error as Error).message}); check DATABASE_URL or that it is running, then try again`;
  return error instanceof Error ? error.message : String(error);
}
