/**
 * A reason the engine cannot start that the person starting it can fix, told in one sentence
 * saying what to do. `npm start` prints the message alone, without a stack trace: a first-time
 * user should read what to change, not where in our code we noticed.
 */
export class StartupProblem extends Error {
  override readonly name = 'StartupProblem';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isStartupProblem(error: unknown): error is StartupProblem {
  return error instanceof StartupProblem;
}

/** The HTTP server could not take its port: the only fix is another port or stopping the other program. */
export function httpListenProblem(error: unknown, port: number, host: string): StartupProblem | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new StartupProblem(`Port ${port} is already in use (another OneDoor or another server is listening on it): stop that program or start with PORT=<another port>.`, { cause: error });
  }
  if (code === 'EACCES') {
    return new StartupProblem(`This user may not listen on port ${port} (ports below 1024 need root): start with PORT=3000 or another port above 1023.`, { cause: error });
  }
  if (code === 'EADDRNOTAVAIL') {
    return new StartupProblem(`This machine has no address ${host}: set HOST to one of its addresses, or leave it unset to listen on all of them.`, { cause: error });
  }
  return undefined;
}
