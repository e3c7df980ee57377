import { Module } from '@nestjs/common';
import { DEFAULT_REPORT_CONFIG } from '../../reports/report-config.js';
import { REPORT_CONFIG } from './report-config.token.js';
import { ReportsController } from './reports.controller.js';

/** Form II.06a and the Decision 766 dashboard, with their CSV and XLSX. */
@Module({
  controllers: [ReportsController],
  providers: [{ provide: REPORT_CONFIG, useValue: DEFAULT_REPORT_CONFIG }],
})
export class ReportsModule {}
