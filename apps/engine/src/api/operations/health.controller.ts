import { Controller, Get, Header, HttpException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Engine } from '../../engine.js';
import { Public } from '../auth/public.decorator.js';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(private readonly engine: Engine) {}

  /** Database reachable and job executor running; 503 otherwise, for load balancers. */
  @Public()
  @Get('health')
  async health() {
    let database = 'up';
    try {
      await this.engine.db.query('SELECT 1');
    } catch {
      database = 'down';
    }
    const jobExecutor = this.engine.jobs.isRunning ? 'running' : 'stopped';
    const body = { status: database === 'up' && jobExecutor === 'running' ? 'ok' : 'degraded', database, jobExecutor, node: this.engine.nodeId };
    if (body.status !== 'ok') throw new HttpException(body, 503);
    return body;
  }

  /** Prometheus text format: open work and job backlog, per node scrape. */
  @Public()
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metrics() {
    const [row] = await this.engine.db.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM process_instance WHERE state = 'active') AS active_instances,
              (SELECT count(*) FROM task) AS open_tasks,
              (SELECT count(*) FROM task WHERE due_at < now()) AS overdue_tasks,
              (SELECT count(*) FROM job WHERE retries > 0) AS pending_jobs,
              (SELECT count(*) FROM job WHERE retries > 0 AND due_at < now()) AS due_jobs,
              (SELECT count(*) FROM incident WHERE resolved_at IS NULL) AS open_incidents`,
    );
    const lines = Object.entries(row).flatMap(([k, v]) => [`# TYPE onedoor_${k} gauge`, `onedoor_${k} ${Number(v)}`]);
    const mem = process.memoryUsage();
    lines.push('# TYPE onedoor_process_resident_memory_bytes gauge', `onedoor_process_resident_memory_bytes ${mem.rss}`);
    return `${lines.join('\n')}\n`;
  }
}
