import { readFile } from 'node:fs/promises';
import type { Actor, Clock } from '../commands/command.js';
import { CompleteTask } from '../commands/complete-task.js';
import { Engine } from '../engine.js';
import { installDossiers } from '../dossiers/index.js';
import { ReceiveDossier } from '../dossiers/receive-dossier.js';
import { RequestSupplement, SupplementReceived } from '../dossiers/supplement.js';
import type { WorkingCalendar } from '../../../../libs/working-calendar/src/index.js';
import type { DataSource } from 'typeorm';

export interface DemoHistoryOptions {
  seed: number;
  /** Dossiers per procedure version. */
  perVersion: number;
  /** First working day of the old versions' dossiers; the simplified versions follow 10 weeks later. */
  startAt: Date;
  organisationFile: string;
  calendar: () => WorkingCalendar;
  log?: (message: string) => void;
}

export interface DemoHistoryResult {
  dossiers: number;
  finished: number;
  late: number;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same history. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class SimulatedClock implements Clock {
  current = new Date(0);
  now(): Date {
    return new Date(this.current);
  }
}

const HOUR = 3600_000;

/**
 * Runs a few hundred dossiers through the old and the simplified version of every procedure in
 * `processes/`, on the working calendar, with varied step times (most steps take 40–110% of
 * their allowance, some run over, a few dossiers wait for a supplement, a few are still open),
 * so comparisons, reports and dashboards show measured numbers from the first start.
 * Everything goes through the real commands, so the history is exactly what production writes.
 */
export async function generateDemoHistory(dataSource: DataSource, options: DemoHistoryOptions): Promise<DemoHistoryResult> {
  const random = seededRandom(options.seed);
  const clock = new SimulatedClock();
  const engine = new Engine({ dataSource, clock, calendar: options.calendar, nodeId: 'demo-history' });
  installDossiers(engine);
  const org = JSON.parse(await readFile(options.organisationFile, 'utf8')) as { users: { username: string; departmentCode: string; roles: string[] }[] };
  const actorFor = (departmentCode: string | null, role: string | null): Actor => {
    const user = org.users.find((u) => u.departmentCode === departmentCode && (!role || u.roles.includes(role))) ?? org.users.find((u) => u.departmentCode === departmentCode);
    return user ? { username: user.username, departmentCode: user.departmentCode, roles: user.roles } : { username: 'system', roles: ['system'] };
  };
  const versions = await engine.db.query<{ id: string; key: string; version: number }>(
    `SELECT d.id, d.key, d.version FROM process_definition d
     WHERE d.procedure_code IS NOT NULL AND d.key IN (SELECT key FROM process_definition GROUP BY key HAVING count(*) > 1)
     ORDER BY d.key, d.version`,
  );
  const calendar = options.calendar();
  const result: DemoHistoryResult = { dossiers: 0, finished: 0, late: 0 };
  for (const v of versions) {
    const firstVersion = versions.find((x) => x.key === v.key)!.version === v.version;
    const periodStart = firstVersion ? options.startAt : calendar.addWorkingDays(options.startAt, 50);
    // Simplified versions also run with a little more discipline: fewer overruns.
    const overrun = firstVersion ? 0.2 : 0.1;
    const definition = await engine.db.transaction((sql) => engine.services.definitions.byId(sql, v.id));
    const firstStep = [...definition.graph.nodes.values()].find((n) => n.type === 'userTask');
    const desk = actorFor(firstStep?.step.departmentCode ?? null, firstStep?.step.role ?? null);
    for (let i = 0; i < options.perVersion; i++) {
      const receivedAt = calendar.addWorkingTime(periodStart, Math.floor(random() * 40 * 8) * HOUR + Math.floor(random() * 60) * 60_000);
      clock.current = receivedAt;
      const received = await engine.execute(
        new ReceiveDossier({
          procedureKey: v.key,
          definitionId: v.id,
          applicant: { name: APPLICANTS[Math.floor(random() * APPLICANTS.length)], phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`, type: random() < 0.6 ? 'organisation' : 'citizen' },
          channel: random() < 0.55 ? 'online' : random() < 0.85 ? 'direct' : 'postal',
          receivedAt,
          variables: { accepted: random() < 0.9, inspectionPassed: random() < 0.88 },
        }),
        { ...desk, roles: [...desk.roles, 'reception'] },
      );
      result.dossiers += 1;
      const leaveOpen = i >= options.perVersion - Math.ceil(options.perVersion * 0.05);
      const supplementAt = random() < 0.08 ? 1 : -1;
      for (let step = 0; step < 20; step++) {
        const [task] = await engine.db.query<{ id: string; created_at: Date; department_code: string | null; role: string | null; allowance: string | null }>(
          `SELECT t.id, t.created_at, t.department_code, t.role, h.allowance_days AS allowance
           FROM task t JOIN process_instance p ON p.id = t.instance_id
           JOIN hist_activity_instance h ON h.id = t.activity_instance_id AND h.history_month = od_history_month(p.started_at)
           WHERE p.root_instance_id = $1 ORDER BY t.created_at LIMIT 1`,
          [received.processInstanceId],
        );
        if (!task) break;
        if (leaveOpen && step >= 2) break;
        const allowanceHours = Number(task.allowance ?? 0.25) * 8;
        const late = random() < overrun;
        const share = late ? 1.1 + random() * 0.9 : 0.3 + random() * 0.8;
        const actor = actorFor(task.department_code, task.role);
        if (step === supplementAt) {
          await engine.execute(new RequestSupplement(task.id, ['Bản sao có chứng thực giấy tờ còn thiếu'], 'Bổ sung theo phiếu'), actor);
          clock.current = calendar.addWorkingTime(clock.now(), (1 + Math.floor(random() * 4)) * 8 * HOUR);
          await engine.execute(new SupplementReceived(received.code), desk);
        }
        clock.current = calendar.addWorkingTime(clock.now(), Math.max(0.1, allowanceHours * share) * HOUR);
        await engine.execute(new CompleteTask(task.id, {}), actor);
      }
      const [d] = await engine.db.query<{ finished_at: Date | null; late: boolean }>(`SELECT finished_at, finished_at > legal_due_at AS late FROM dossier WHERE code = $1`, [received.code]);
      if (d.finished_at) result.finished += 1;
      if (d.late) result.late += 1;
    }
    options.log?.(`demo history: ${v.key} v${v.version}: ${options.perVersion} dossiers`);
  }
  // The deadline jobs of this simulated past are moot: finished work needs no escalation.
  await engine.db.query(`DELETE FROM job WHERE type IN ('dossier-apology-due', 'dossier-deadline') AND instance_id IN (SELECT instance_id FROM dossier WHERE finished_at IS NOT NULL)`);
  return result;
}

const APPLICANTS = [
  'Công ty TNHH Hoa Mai',
  'Hợp tác xã Nông nghiệp Phục Hòa',
  'Công ty Cổ phần Thực phẩm Non Nước',
  'Hộ kinh doanh Nông Văn Tuấn',
  'Trung tâm Bảo trợ xã hội Bảo Lạc',
  'Bà Hoàng Thị Lan',
  'Ông Lục Văn Hải',
  'Cơ sở chăn nuôi Đàm Thị Nga',
  'Công ty TNHH Sản xuất Miến dong Nguyên Bình',
  'Cơ sở may Hà Quảng',
];
