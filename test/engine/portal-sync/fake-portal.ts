import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PortalSyncRecord } from '../../../apps/engine/src/portal-sync/sync-record.js';

export interface Delivery {
  outboxId: string;
  record: PortalSyncRecord;
}

/** How the fake answers one record: an HTTP status, or 'hang' to never answer. */
export type Answer = number | 'hang';

/**
 * A stand-in for the national portal on 127.0.0.1: it can be stopped (connections refused) and
 * started again on the same port, and answer each record as the spec decides. Only records it
 * answered 2xx count as received.
 */
export class FakePortal {
  readonly accepted: Delivery[] = [];
  requests = 0;
  answer: (record: PortalSyncRecord) => Answer | Promise<Answer> = () => 200;
  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();

  private constructor(readonly port: number) {}

  /** A port that nothing listens on yet: the portal starts "down". */
  static async reserve(): Promise<FakePortal> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return new FakePortal(port);
  }

  static async started(): Promise<FakePortal> {
    const portal = await FakePortal.reserve();
    await portal.start();
    return portal;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/dong-bo-ho-so`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The MaHoSo/TrangThaiHoSo sequence each dossier's accepted records arrived in. */
  arrivalsByDossier(): Map<string, Delivery[]> {
    const byDossier = new Map<string, Delivery[]>();
    for (const d of this.accepted) byDossier.set(d.record.MaHoSo, [...(byDossier.get(d.record.MaHoSo) ?? []), d]);
    return byDossier;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.requests += 1;
    const record = JSON.parse(Buffer.concat(chunks).toString('utf8')) as PortalSyncRecord;
    const answer = await this.answer(record);
    if (answer === 'hang') {
      this.hanging.add(res);
      return;
    }
    if (answer >= 200 && answer < 300) this.accepted.push({ outboxId: String(req.headers['x-onedoor-outbox-id']), record });
    res.writeHead(answer, { 'content-type': 'application/json' }).end(JSON.stringify({ error_code: answer >= 300 ? 1 : 0 }));
  }
}
