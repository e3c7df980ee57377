export { ReportsModule } from './reports.module.js';
export { REPORT_CONFIG } from './report-config.token.js';
