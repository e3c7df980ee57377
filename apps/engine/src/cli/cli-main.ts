import 'reflect-metadata';
import { openCliContext } from './cli-context.js';
import { runCli } from './onedoor-cli.js';

/** The `onedoor` command (bin/onedoor.js runs this from the build). */
const code = await runCli(process.argv.slice(2), {
  print: (line) => console.log(line),
  error: (line) => console.error(line),
  open: openCliContext,
});
process.exit(code);
