import { ReportsController } from './reports.controller.js';

export { REPORT_CONFIG } from './report-config.token.js';

/** The reports' controllers, for AppModule's controller list. */
export const reportControllers = [ReportsController];
