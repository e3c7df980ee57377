/** `a b --name x --roles=a,b` → positionals [a, b] and options { name: x, roles: 'a,b' }. */
export interface CliArguments {
  positionals: string[];
  options: Map<string, string>;
}

export function parseArguments(argv: string[], valued: readonly string[]): CliArguments {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!valued.includes(flag)) throw new CliUsageError(`unknown option --${flag}`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new CliUsageError(`--${flag} needs a value`);
    options.set(flag, value);
  }
  return { positionals, options };
}

/** The command line itself is wrong: the usage is printed with the reason. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
