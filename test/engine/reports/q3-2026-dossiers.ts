import type { Ii06aFigures } from '../../../apps/engine/src/queries/reports/ii06a.js';
import type { DossierSeed } from './seed-dossiers.js';

/**
 * Dossiers around Q3 2026, whose period is 2026-06-15 00:00 → 2026-09-15 00:00 (+07), i.e. the
 * local days 15/06 to 14/09 inclusive. Each comment says where the dossier counts in that
 * period: channel column · outcome column. Times are local (Asia/Ho_Chi_Minh).
 */
export const Q3_2026_DOSSIERS: DossierSeed[] = [
  // --- Sở Y tế (SYT), field "Y tế" unless said otherwise
  // online · early: finished the day before its legal due day
  { code: 'SYT-01', agency: 'SYT', field: 'Y tế', channel: 'online', receivedAt: '2026-07-01T09:00', legalDueAt: '2026-07-10T17:00', finishedAt: '2026-07-09T10:00', returnedAt: '2026-07-09T15:00', status: 10 },
  // direct · on time: finished on the due day, before the due instant
  { code: 'SYT-02', agency: 'SYT', field: 'Y tế', channel: 'direct', receivedAt: '2026-07-02T09:00', legalDueAt: '2026-07-15T17:00', finishedAt: '2026-07-15T16:00', status: 9 },
  // direct/postal · late: finished the morning after the due day
  { code: 'SYT-03', agency: 'SYT', field: 'Y tế', channel: 'postal', receivedAt: '2026-07-03T09:00', legalDueAt: '2026-07-20T17:00', finishedAt: '2026-07-21T08:00', status: 10 },
  // direct/postal · late: an apology moved the appointment to 20/08 and it finished before that,
  // but it is judged by the legal due date (10/08), which the apology does not move
  { code: 'SYT-04', agency: 'SYT', field: 'Y tế', channel: 'direct', receivedAt: '2026-08-01T09:00', legalDueAt: '2026-08-10T17:00', dueAt: '2026-08-20T17:00', finishedAt: '2026-08-18T10:00', status: 10 },
  // carried over · early: received in the previous period (10/06), finished in this one
  { code: 'SYT-05', agency: 'SYT', field: 'Y tế', channel: 'direct', receivedAt: '2026-06-10T09:00', legalDueAt: '2026-06-20T17:00', finishedAt: '2026-06-19T10:00', status: 10 },
  // nowhere: received and finished in the previous period (finished 14/06 23:59, one minute before it ends)
  { code: 'SYT-06', agency: 'SYT', field: 'Y tế', channel: 'direct', receivedAt: '2026-05-01T09:00', legalDueAt: '2026-05-15T17:00', finishedAt: '2026-06-14T23:59', status: 10 },
  // online · in progress within time: received on 14/09, the period's last day
  { code: 'SYT-07', agency: 'SYT', field: 'Y tế', channel: 'online', receivedAt: '2026-09-14T16:00', legalDueAt: '2026-09-25T17:00', status: 2 },
  // nowhere: received on 15/09, the next period's first day
  { code: 'SYT-08', agency: 'SYT', field: 'Y tế', channel: 'online', receivedAt: '2026-09-15T08:00', legalDueAt: '2026-09-25T17:00', status: 2 },
  // direct/postal · in progress overdue: due 10/09, finished only on 15/09, after the period ended
  { code: 'SYT-09', agency: 'SYT', field: 'Y tế', channel: 'direct', receivedAt: '2026-09-01T09:00', legalDueAt: '2026-09-10T17:00', finishedAt: '2026-09-15T09:00', status: 10 },
  // direct/postal · in progress overdue: still open, due 20/08
  { code: 'SYT-10', agency: 'SYT', field: 'Y tế', channel: 'direct', receivedAt: '2026-08-05T09:00', legalDueAt: '2026-08-20T17:00', status: 4 },
  // direct/postal · waiting for supplement since 15/08 (its stale due date 25/08 does not make it overdue)
  { code: 'SYT-11', agency: 'SYT', field: 'Y tế', channel: 'direct', receivedAt: '2026-08-10T09:00', legalDueAt: '2026-08-25T17:00', waitingSince: '2026-08-15T10:00', status: 5 },
  // online · withdrawn by the applicant on 12/07
  { code: 'SYT-12', agency: 'SYT', field: 'Y tế', channel: 'online', receivedAt: '2026-07-10T09:00', legalDueAt: '2026-07-24T17:00', finishedAt: '2026-07-12T09:00', status: 7 },
  // nowhere: not received (refused at the desk, status 3)
  { code: 'SYT-13', agency: 'SYT', field: 'Y tế', channel: 'direct', receivedAt: '2026-07-11T09:00', status: 3 },
  // direct/postal · in progress within time: it waits for a supplement only since 20/09, after the period
  { code: 'SYT-14', agency: 'SYT', field: 'Y tế', channel: 'direct', receivedAt: '2026-09-01T09:00', legalDueAt: '2026-09-30T17:00', waitingSince: '2026-09-20T09:00', status: 5 },
  // direct/postal · on time: received at the period's very first instant (15/06 00:00); no field
  { code: 'SYT-15', agency: 'SYT', field: null, channel: 'direct', receivedAt: '2026-06-15T00:00', legalDueAt: '2026-06-30T17:00', finishedAt: '2026-06-30T10:00', status: 10 },
  // online · late: due 14/09 17:00, finished 14/09 23:59:59 — still inside the period, after the due instant
  { code: 'SYT-16', agency: 'SYT', field: 'Y tế', channel: 'online', receivedAt: '2026-09-02T09:00', legalDueAt: '2026-09-14T17:00', finishedAt: '2026-09-14T23:59:59', status: 9 },

  // --- Sở Lao động - Thương binh và Xã hội (SLD), field "Bảo trợ xã hội"
  // online · on time: finished exactly at the due instant
  { code: 'SLD-01', agency: 'SLD', field: 'Bảo trợ xã hội', channel: 'online', receivedAt: '2026-07-05T09:00', legalDueAt: '2026-07-20T17:00', finishedAt: '2026-07-20T17:00', status: 10 },
  // carried over · in progress overdue: received 20/05, due 30/06, still open
  { code: 'SLD-02', agency: 'SLD', field: 'Bảo trợ xã hội', channel: 'direct', receivedAt: '2026-05-20T09:00', legalDueAt: '2026-06-30T17:00', status: 4 },
  // direct/postal · stopped (form 05) on 05/08
  { code: 'SLD-03', agency: 'SLD', field: 'Bảo trợ xã hội', channel: 'direct', receivedAt: '2026-08-01T09:00', legalDueAt: '2026-08-14T17:00', finishedAt: '2026-08-05T09:00', status: 8 },
  // direct/postal · in progress within time: no statutory time, so no legal due date
  { code: 'SLD-04', agency: 'SLD', field: 'Bảo trợ xã hội', channel: 'postal', receivedAt: '2026-08-02T09:00', legalDueAt: null, status: 4 },
  // carried over · early: received 14/06 16:00, the previous period's last afternoon
  { code: 'SLD-05', agency: 'SLD', field: 'Bảo trợ xã hội', channel: 'direct', receivedAt: '2026-06-14T16:00', legalDueAt: '2026-06-24T17:00', finishedAt: '2026-06-23T10:00', status: 10 },
  // nowhere: newly registered online, never accepted (status 1)
  { code: 'SLD-06', agency: 'SLD', field: 'Bảo trợ xã hội', channel: 'online', receivedAt: '2026-08-03T09:00', status: 1 },
  // direct/postal · on time: finished, no legal due date to be late against
  { code: 'SLD-07', agency: 'SLD', field: 'Bảo trợ xã hội', channel: 'direct', receivedAt: '2026-07-07T09:00', legalDueAt: null, finishedAt: '2026-07-08T09:00', status: 10 },
];

export const DEPARTMENTS = [
  { code: 'SYT', name: 'Sở Y tế' },
  { code: 'SLD', name: 'Sở Lao động - Thương binh và Xã hội' },
];

/** Builds figures from the form's column order: received (online, direct/postal, carried), resolved (early, on time, late), in progress (within, overdue), waiting, withdrawn, stopped. */
export function figures(online: number, directOrPostal: number, carriedOver: number, early: number, onTime: number, late: number, withinTime: number, overdue: number, waiting: number, withdrawn: number, stopped: number): Ii06aFigures {
  return {
    received: { total: online + directOrPostal + carriedOver, online, directOrPostal, carriedOver },
    resolved: { total: early + onTime + late, early, onTime, late },
    inProgress: { total: withinTime + overdue, withinTime, overdue },
    waitingForSupplement: waiting,
    withdrawn,
    stopped,
  };
}

// Hand-counted from the comments above.
//                                  onl dir car  ear ont lat  win ovd  wait wdr stp
export const SYT_Q3 = figures(      4,  8,  1,   2,  2,  3,   2,  2,   1,   1,  0); // onl 01 07 12 16 · dir 02 03 04 09 10 11 14 15 · car 05 · early 01 05 · on time 02 15 · late 03 04 16 · within 07 14 · overdue 09 10
export const SLD_Q3 = figures(      1,  3,  2,   1,  2,  0,   1,  1,   0,   0,  1); // onl 01 · dir 03 04 07 · car 02 05 · early 05 · on time 01 07 · within 04 · overdue 02 · stopped 03
export const TOTAL_Q3 = figures(    5, 11,  3,   3,  4,  3,   3,  3,   1,   1,  1);
// By field: "Y tế" is SYT without SYT-15 (direct, on time), which has no field.
export const YTE_Q3 = figures(      4,  7,  1,   2,  1,  3,   2,  2,   1,   1,  0);
export const NO_FIELD_Q3 = figures( 0,  1,  0,   0,  1,  0,   0,  0,   0,   0,  0);
