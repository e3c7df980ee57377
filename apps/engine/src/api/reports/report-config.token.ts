/**
 * Nest token for the reports' ReportConfig (period rule, Decision 766 weights). Optional: without
 * a provider the controllers use DEFAULT_REPORT_CONFIG.
 */
export const REPORT_CONFIG = Symbol('ReportConfig');
