import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { ApplicantNoticeDelivery } from '../../../apps/engine/src/applicant-notices/notice-delivery.js';
import { HttpSmsChannel, SmtpChannel } from '../../../apps/engine/src/applicant-notices/notice-channels.js';
import { Engine } from '../../../apps/engine/src/engine.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';

interface Mail { to: string; subject: string; text: string }

/** A real SMTP server on a free port, keeping what it receives. */
async function startSmtp(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        // Long headers are folded onto continuation lines; unfold before reading the subject.
        const raw = Buffer.concat(chunks).toString('utf8').replace(/\r?\n[ \t]+/g, ' ');
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: decodeMime(subject), text: raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** "=?UTF-8?Q?…?=" / "=?UTF-8?B?…?=" subjects, as mail clients show them. */
function decodeMime(header: string): string {
  return header.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

/** An SMS gateway (a real HTTP server) that is down for its first `downFor` requests. */
async function startSmsGateway(downFor: number): Promise<{ url: string; accepted: { to: string; text: string; reference: string }[]; requests: number; close(): Promise<void> }> {
  const state = { accepted: [] as { to: string; text: string; reference: string }[], requests: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests += 1;
      if (state.requests <= downFor) {
        res.writeHead(503).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      state.accepted.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messageId: `sms-${state.accepted.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  return {
    url,
    get accepted() { return state.accepted; },
    get requests() { return state.requests; },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('notices to applicants, from the dossier events to the providers', () => {
  let t: TestEngine;
  let reception: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;
  let second: Engine;
  let secondSource: DataSource;
  const deliveries: ApplicantNoticeDelivery[] = [];

  beforeAll(async () => {
    t = await startTestEngine({ processes: true });
    reception = await t.login('motcua.syt');
    smtp = await startSmtp();
    sms = await startSmsGateway(2);
    secondSource = await t.db.connectAnother();
    second = new Engine({ dataSource: secondSource, nodeId: 'node-2' });
    for (const [engine, node] of [[t.engine, 'node-1'], [second, 'node-2']] as const) {
      deliveries.push(
        new ApplicantNoticeDelivery(engine.db, {
          nodeId: node,
          channels: [new SmtpChannel(`smtp://127.0.0.1:${smtp.port}`, 'Sở Y tế <motcua@syt.example>'), new HttpSmsChannel({ url: sms.url, token: 't', brandname: 'SYT' })],
          publicUrl: 'https://dichvucong.example/',
          backoffMs: 1,
          maxBackoffMs: 1,
        }),
      );
    }
  });
  afterAll(async () => {
    for (const d of deliveries) await d.stop();
    await secondSource.destroy();
    await smtp.close();
    await sms.close();
    await t.close();
  });

  const receive = (applicant: Record<string, unknown>) =>
    t.http.post('/api/dossiers').set('Authorization', reception).send({ procedureKey: KEY, applicant: { name: 'Nguyễn Thị Hoa', ...applicant }, channel: 'direct' });

  /** Both nodes deliver side by side until nothing is left to send. */
  async function deliverAll(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      await Promise.all(deliveries.map((d) => d.deliverBatch()));
      const [{ pending }] = await t.engine.db.query<{ pending: number }>(`SELECT count(*)::int AS pending FROM applicant_notice WHERE delivered_at IS NULL AND failed_at IS NULL`);
      if (pending === 0) return;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('notices still pending after 50 rounds');
  }

  it('given an applicant who agreed to e-mail and SMS, reception sends each once — the SMS retried while the gateway is down', async () => {
    const res = await receive({ email: 'hoa@example.vn', phone: '0912 345 678', notify: ['email', 'sms'] });
    expect(res.status).toBe(201);
    const code = res.body.code;

    await deliverAll();

    const mails = smtp.mails.filter((m) => m.text.includes(code));
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe('hoa@example.vn');
    expect(mails[0].subject).toBe(`Hồ sơ ${code} đã được tiếp nhận`);
    const texts = sms.accepted.filter((m) => m.text.includes(code));
    expect(texts).toHaveLength(1);
    expect(texts[0].to).toBe('84912345678');
    expect(texts[0].text).toMatch(new RegExp(`^Ho so ${code} \\(.*\\) cua ong/ba Nguyen Thi Hoa da duoc tiep nhan\\. .* Tra cuu: https://dichvucong\\.example/tra-cuu\\?code=${code}$`));
    expect(sms.requests).toBe(3); // two refused while down, then accepted once
    const [row] = await t.engine.db.query<{ attempts: number; provider_id: string; last_error: string | null }>(`SELECT attempts, provider_id, last_error FROM applicant_notice WHERE dossier_code = $1 AND channel = 'sms'`, [code]);
    expect(row).toEqual({ attempts: 3, provider_id: 'sms-1', last_error: null });
  });

  it('given no consent, no notice is queued however many addresses the dossier holds', async () => {
    const res = await receive({ email: 'khong@example.vn', phone: '0987654321' });
    const rows = await t.engine.db.query(`SELECT 1 FROM applicant_notice WHERE dossier_code = $1`, [res.body.code]);
    expect(rows).toHaveLength(0);
  });

  it('given consent to a channel without its address, reception refuses with the field', async () => {
    const res = await receive({ phone: '0987654321', notify: ['email'] });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('applicant.notify');
  });

  it('given a supplement request and an apology, each tells the applicant once, in the step’s own transaction', async () => {
    const { body } = await receive({ email: 'lan@example.vn', notify: ['email'] });
    const code = body.code;
    const [first] = (await t.http.get(`/api/dossiers/${code}`).set('Authorization', reception)).body.currentSteps;
    expect((await t.http.post(`/api/tasks/${first.id}/complete`).set('Authorization', reception).send({})).status).toBe(204);
    const head = await t.login('truongphong.btxh');
    const [task] = (await t.http.get(`/api/dossiers/${code}`).set('Authorization', head)).body.currentSteps;
    const asked = await t.http.post(`/api/tasks/${task.id}/request-supplement`).set('Authorization', head).send({ missing: ['Danh sách người lao động khuyết tật'] });
    expect(asked.status).toBe(200);
    // A refused command (a second request while waiting) queues nothing.
    expect((await t.http.post(`/api/tasks/${task.id}/request-supplement`).set('Authorization', head).send({ missing: ['x'] })).status).toBe(409);
    // The appointment moves a week (a working day: the same weekday) with an apology.
    const newDueAt = new Date(Date.parse(body.dueAt) + 7 * 86_400_000).toISOString();
    const apology = await t.http.post(`/api/dossiers/${code}/apology`).set('Authorization', head).send({ reason: 'Cần xác minh thêm', newDueAt });
    expect(apology.status).toBe(200);

    await deliverAll();

    const subjects = smtp.mails.filter((m) => m.text.includes(code)).map((m) => m.subject);
    expect(subjects).toEqual([`Hồ sơ ${code} đã được tiếp nhận`, `Hồ sơ ${code} cần bổ sung`, `Thư xin lỗi về hồ sơ ${code}`]);
    const events = await t.engine.db.query<{ event: string }>(`SELECT event FROM applicant_notice WHERE dossier_code = $1 ORDER BY id`, [code]);
    expect(events.map((e) => e.event)).toEqual(['received', 'supplement_requested', 'apology']);
    expect(smtp.mails.find((m) => m.subject.startsWith('Thư xin lỗi') && m.text.includes(code))!.to).toBe('lan@example.vn');
  });
});
