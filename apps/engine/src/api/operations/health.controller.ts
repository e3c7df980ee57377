import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthDoc } from '../openapi/responses.js';
import { Engine } from '../../engine.js';
import { Public } from '../auth/public.decorator.js';
import { RETRY_AFTER_SECONDS } from '../../persistence/database-outage.js';
import { reasonPhrase } from '../errors/transport-errors.js';
import { engineGauges, ping } from '../../queries/operations/engine-gauges.js';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(private readonly engine: Engine) {}

  /**
   * For load balancers and operators: 200 when this node can serve — the database answers and
   * the job executor runs; 503 otherwise, naming what is missing (the database and since when,
   * the job executor paused or stopped, or the node draining before it stops), with Retry-After.
   */
  @Public()
  @Get('health')
  @ApiOkResponse({ type: HealthDoc })
  @ApiResponse({ status: 503, type: HealthDoc, description: 'Not able to serve: what is missing, with Retry-After' })
  async health(@Res({ passthrough: true }) reply: { header(name: string, value: string): unknown; status(code: number): unknown }) {
    const database = await this.database();
    const jobExecutor = this.engine.jobs.state;
    const problems = [
      ...(this.engine.draining ? ['the node is shutting down'] : []),
      ...(database.status === 'down' ? [`database unreachable${database.since ? ` since ${database.since}` : ''}: ${database.reason}`] : []),
      ...(jobExecutor !== 'running' ? [`job executor ${jobExecutor}`] : []),
    ];
    const body = { status: problems.length === 0 ? 'ok' : 'unavailable', database, jobExecutor, draining: this.engine.draining, node: this.engine.nodeId };
    if (problems.length === 0) return body;
    reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    reply.status(503);
    return { statusCode: 503, error: reasonPhrase(503), message: problems.join('; '), ...body };
  }

  private async database(): Promise<{ status: 'up' | 'down'; since?: string; reason?: string }> {
    try {
      await ping(this.engine.db);
      return { status: 'up' };
    } catch (error) {
      const outage = this.engine.db.outage;
      return { status: 'down', since: outage?.since.toISOString(), reason: outage?.reason ?? (error as Error).message };
    }
  }

  /**
   * Prometheus text format: open work and job backlog, per node scrape. While the database is
   * away the scrape still answers, with `onedoor_database_up 0` and this node's own gauges.
   */
  @Public()
  @Get('metrics')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format', schema: { type: 'string' } })
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metrics() {
    const gauge = (name: string, value: number) => [`# TYPE onedoor_${name} gauge`, `onedoor_${name} ${value}`];
    const lines: string[] = [];
    try {
      const row = await engineGauges(this.engine.db);
      lines.push(...gauge('database_up', 1), ...Object.entries(row).flatMap(([k, v]) => gauge(k, Number(v))));
    } catch {
      lines.push(...gauge('database_up', 0));
    }
    lines.push(...gauge('job_executor_running', this.engine.jobs.state === 'running' ? 1 : 0));
    lines.push(...gauge('process_resident_memory_bytes', process.memoryUsage().rss));
    return `${lines.join('\n')}\n`;
  }
}
