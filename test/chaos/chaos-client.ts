export interface Answer {
  status: number;
  body: unknown;
}

/** What the clients saw over the whole run. */
export class Tally {
  requests = 0;
  /** Answers by status. */
  readonly statuses = new Map<number, number>();
  /** Requests that got no answer (node killed, connection reset): retried elsewhere. */
  unanswered = 0;
  /** Server errors other than 503: each one is a defect. */
  readonly serverErrors: string[] = [];

  record(status: number, what: string, body: unknown): void {
    this.requests += 1;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (status >= 500 && status !== 503) this.serverErrors.push(`${what} → ${status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}

/**
 * A client in front of several engine nodes, as behind a load balancer: each request goes to
 * the next node; a request that gets no answer or a 503 is sent again to another node after a
 * short wait, until it gets a real answer or the deadline passes. Callers make their requests
 * safe to repeat (an Idempotency-Key for creations; a repeated completion answers 404/409).
 */
export class ChaosClient {
  private next = 0;

  constructor(
    private readonly nodes: () => string[],
    readonly tally: Tally,
  ) {}

  async request(method: string, path: string, options: { token?: string; body?: unknown; idempotencyKey?: string; giveUpAfterMs?: number } = {}): Promise<Answer> {
    const deadline = Date.now() + (options.giveUpAfterMs ?? 120_000);
    for (let attempt = 0; ; attempt++) {
      const nodes = this.nodes();
      const base = nodes[this.next++ % nodes.length];
      try {
        const response = await fetch(base + path, {
          method,
          headers: {
            ...(options.token ? { authorization: options.token } : {}),
            ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
          },
          body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
          signal: AbortSignal.timeout(20_000),
        });
        const text = await response.text();
        const body = text ? safeJson(text) : undefined;
        this.tally.record(response.status, `${method} ${path}`, body);
        if (response.status !== 503) return { status: response.status, body };
      } catch {
        this.tally.unanswered += 1;
      }
      if (Date.now() > deadline) throw new Error(`${method} ${path}: no answer from any node for ${options.giveUpAfterMs ?? 120_000} ms`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 100 * (attempt + 1))));
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
