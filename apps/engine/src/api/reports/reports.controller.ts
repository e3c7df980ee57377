import { Controller, Get, Headers, Inject, Optional, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DashboardDoc, Ii06aReportDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Engine } from '../../engine.js';
import { dashboardIndices } from '../../queries/reports/dashboard.js';
import { dashboardCsv } from '../../reports/dashboard-csv.js';
import { ii06aCsv } from '../../reports/ii06a-csv.js';
import { ii06aXlsx, XLSX_MIME } from '../../reports/ii06a-xlsx.js';
import { ii06aReport, type Ii06aGroupBy } from '../../queries/reports/ii06a.js';
import { parsePeriod, type ReportPeriod } from '../../reports/period.js';
import { DEFAULT_REPORT_CONFIG, type ReportConfig } from '../../reports/report-config.js';
import { Roles } from '../auth/roles.decorator.js';
import { REPORT_CONFIG } from './report-config.token.js';

/** `period=2026-Q3|2026-M07|2026`, or `from`/`to` local dates (inclusive); parsePeriod checks the values. */
export class PeriodQuery {
  @IsOptional() @IsString() @MaxLength(20) period?: string;
  @IsOptional() @IsString() @MaxLength(20) from?: string;
  @IsOptional() @IsString() @MaxLength(20) to?: string;
}

export class Ii06aQuery extends PeriodQuery {
  @IsOptional() @IsIn(['department', 'field']) groupBy?: Ii06aGroupBy;
  /** Overrides the Accept header. */
  @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

export class DashboardQuery extends PeriodQuery {
  /** csv: the indices as a spreadsheet-ready file; overrides the Accept header. */
  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

/** Managers' reports: form II.06a (JSON, CSV, XLSX) and the Decision 766 dashboard. */
@ApiTags('reports')
@Roles('manager', 'admin')
@Controller('api/reports')
export class ReportsController {
  private readonly config: ReportConfig;

  constructor(
    private readonly engine: Engine,
    @Optional() @Inject(REPORT_CONFIG) config?: ReportConfig,
  ) {
    this.config = config ?? DEFAULT_REPORT_CONFIG;
  }

  @Get('ii06a')
  @ApiOkResponse({ type: Ii06aReportDoc, description: 'JSON; the same as CSV or XLSX by Accept or format=' })
  @ApiErrors(400, 401, 403)
  @ApiProduces('application/json', 'text/csv', XLSX_MIME)
  async ii06a(@Query() query: Ii06aQuery, @Headers('accept') accept?: string) {
    const period = this.period(query);
    const report = await ii06aReport(this.engine.db, period, query.groupBy ?? 'department', this.engine.now());
    const format = query.format ?? formatFromAccept(accept);
    const name = `bao-cao-ii06a-${period.from}-${period.to}`;
    if (format === 'csv') {
      return new StreamableFile(Buffer.from(ii06aCsv(report), 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${name}.csv"` });
    }
    if (format === 'xlsx') {
      return new StreamableFile(await ii06aXlsx(report), { type: XLSX_MIME, disposition: `attachment; filename="${name}.xlsx"` });
    }
    return report;
  }

  @Get('dashboard')
  @ApiOkResponse({ type: DashboardDoc, description: 'JSON; CSV by Accept: text/csv or format=csv' })
  @ApiErrors(400, 401, 403)
  @ApiProduces('application/json', 'text/csv')
  async dashboard(@Query() query: DashboardQuery, @Headers('accept') accept?: string) {
    const period = this.period(query);
    const dashboard = await dashboardIndices(this.engine.db, period, this.config.weights, this.engine.now());
    if ((query.format ?? formatFromAccept(accept)) === 'csv') {
      return new StreamableFile(Buffer.from(dashboardCsv(dashboard), 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="chi-so-766-${period.from}-${period.to}.csv"` });
    }
    return dashboard;
  }

  private period(query: PeriodQuery): ReportPeriod {
    return parsePeriod(query, this.config.periods, this.engine.now());
  }
}

/** JSON unless the client asks for CSV or the spreadsheet type and not JSON first. */
function formatFromAccept(accept: string | undefined): 'json' | 'csv' | 'xlsx' {
  const types = (accept ?? '').split(',').map((t) => t.split(';')[0].trim().toLowerCase());
  for (const type of types) {
    if (type === 'application/json') return 'json';
    if (type === 'text/csv') return 'csv';
    if (type === XLSX_MIME) return 'xlsx';
  }
  return 'json';
}
