import net from 'node:net';

/**
 * The load generator's HTTP client: HTTP/1.1 over kept-alive connections, one request at a
 * time on each, written as one buffer and read by its Content-Length — what wrk does, in a few
 * lines. On these 2 cores the client shares the machine with the engine it measures, so its
 * own cost is taken from the engine's: in CPU profiles of (b) (list + complete), the client's
 * share of the process's CPU was 14% with undici's Pool and 5–7% with this one. node:http's
 * request costs more than undici, fetch several times more.
 *
 * It reads only what the engine answers: a status line, headers, and a body of known length.
 * Anything else (a chunked body, a bad status line) fails the run instead of being guessed at.
 */
export interface HttpAnswer {
  status: number;
  body: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** One kept-alive connection; answers one request at a time. */
class Connection {
  private readonly socket: net.Socket;
  private chunks: Buffer[] = [];
  private received = 0;
  private waiting?: { resolve(answer: HttpAnswer): void; reject(error: Error): void };
  private failure?: Error;
  /** Set after a `Connection: close` answer or an error: the connection is not reused. */
  closed = false;

  constructor(host: string, port: number) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = (error: Error) => {
      this.closed = true;
      this.failure = error;
      this.waiting?.reject(error);
      this.waiting = undefined;
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('the server closed the connection')));
  }

  send(head: string, body: string | undefined): Promise<HttpAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(body === undefined ? head : head + body);
    });
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.received += chunk.length;
    const data = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.received);
    const headEnd = data.indexOf(HEADER_END);
    if (headEnd < 0) return;
    const head = data.toString('latin1', 0, headEnd);
    const status = Number(head.slice(9, 12));
    const lower = head.toLowerCase();
    if (!head.startsWith('HTTP/1.1 ') || !Number.isInteger(status)) return this.abort(new Error(`not an HTTP/1.1 answer: ${head.slice(0, 40)}`));
    if (lower.includes('\r\ntransfer-encoding:')) return this.abort(new Error('the bench client reads only answers with a Content-Length'));
    const lengthAt = lower.indexOf('\r\ncontent-length:');
    const lineEnd = head.indexOf('\r\n', lengthAt + 2);
    const length = lengthAt < 0 ? 0 : parseInt(head.slice(lengthAt + 17, lineEnd < 0 ? undefined : lineEnd), 10);
    const bodyStart = headEnd + HEADER_END.length;
    if (data.length < bodyStart + length) {
      this.chunks = [data];
      return;
    }
    if (data.length > bodyStart + length) return this.abort(new Error('the server answered more than was asked'));
    this.chunks = [];
    this.received = 0;
    if (lower.includes('\r\nconnection: close')) this.close();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve({ status, body: data.toString('utf8', bodyStart, bodyStart + length) });
  }

  private abort(error: Error): void {
    this.waiting?.reject(error);
    this.waiting = undefined;
    this.close();
  }
}

/** Idle connections per origin ("http://host:port"). */
const idle = new Map<string, Connection[]>();
const open = new Set<Connection>();
const addresses = new Map<string, URL>();

export async function request(url: string, method: 'GET' | 'POST', headers: Record<string, string>, body?: string): Promise<HttpAnswer> {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  const origin = slash < 0 ? url : url.slice(0, slash);
  let connection = idle.get(origin)?.pop();
  while (connection?.closed) connection = idle.get(origin)?.pop();
  let address = addresses.get(origin);
  if (!address) addresses.set(origin, (address = new URL(origin)));
  const { host, hostname, port } = address;
  if (!connection) {
    connection = new Connection(hostname, Number(port));
    open.add(connection);
  }
  let head = `${method} ${slash < 0 ? '/' : url.slice(slash)} HTTP/1.1\r\nHost: ${host}\r\n`;
  for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
  head += body === undefined ? '\r\n' : `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
  try {
    return await connection.send(head, body);
  } finally {
    if (connection.closed) open.delete(connection);
    else {
      let list = idle.get(origin);
      if (!list) idle.set(origin, (list = []));
      list.push(connection);
    }
  }
}

/** Closes the kept-alive connections (they would hold the process open). */
export async function closeClients(): Promise<void> {
  for (const connection of open) connection.close();
  open.clear();
  idle.clear();
}
