import type { DossierSeed } from './seed-history.js';

/**
 * Dossiers of 1.001806 in March 2026 (no holiday; office hours 07:30–11:30, 13:00–17:00), every
 * step's working time chosen to be counted by hand. Clock start Mon 9 March 07:30 for v1; the
 * 10-day legal due instant is then Fri 20 March 17:00.
 *
 * | dossier | policy | steps 1–6 (working hours)            | end to end                  | late |
 * |---------|--------|--------------------------------------|-----------------------------|------|
 * | A       | restart| 2, 2, 16, 2, 4, 2                    | Mon 07:30→Thu 11:30 = 28 h  | no   |
 * | B       | pause  | 1, 3, 20 (+4 h waiting), 4, 4, 2     | 38 h − 4 h waiting = 34 h   | no   |
 * | C       | restart| 4, 2, 64, 12, 2, 2                   | Mon 9 07:30→Mon 23 15:00 = 86 h | yes |
 * Step 7 (return, not counted): 1 h, 1 h, 2 h. D is unfinished; E is a v2 dossier.
 */
export function marchHistory(v1: string, v2: string): DossierSeed[] {
  return [
    {
      code: 'H38.2-260309-0000001',
      definitionId: v1,
      clockStartedAt: '2026-03-09T07:30',
      finishedAt: '2026-03-12T11:30',
      legalDueAt: '2026-03-20T17:00',
      tasks: [
        { elementId: 'buoc-1-tiep-nhan', from: '2026-03-09T07:30', to: '2026-03-09T09:30', due: '2026-03-09T11:30' },
        { elementId: 'buoc-2-phan-cong', from: '2026-03-09T09:30', to: '2026-03-09T11:30', due: '2026-03-09T15:00' },
        { elementId: 'buoc-3-tham-dinh', from: '2026-03-09T11:30', to: '2026-03-11T11:30', due: '2026-03-18T11:30' },
        { elementId: 'buoc-4-xem-xet', from: '2026-03-11T11:30', to: '2026-03-11T15:00', due: '2026-03-11T17:00' },
        // Interrupted and recreated: canceled tasks are not samples.
        { elementId: 'buoc-5-phe-duyet', from: '2026-03-11T15:00', to: '2026-03-11T16:00', due: '2026-03-12T15:00', outcome: 'canceled' },
        { elementId: 'buoc-5-phe-duyet', from: '2026-03-11T15:00', to: '2026-03-12T09:30', due: '2026-03-12T15:00' },
        { elementId: 'buoc-6-van-thu', from: '2026-03-12T09:30', to: '2026-03-12T11:30', due: '2026-03-12T15:00' },
        { elementId: 'buoc-7-tra-ket-qua', from: '2026-03-12T11:30', to: '2026-03-12T14:00' },
      ],
    },
    {
      code: 'H38.2-260309-0000002',
      definitionId: v1,
      policy: 'pause',
      clockStartedAt: '2026-03-09T07:30',
      finishedAt: '2026-03-13T15:00',
      legalDueAt: '2026-03-23T11:30',
      tasks: [
        { elementId: 'buoc-1-tiep-nhan', from: '2026-03-09T07:30', to: '2026-03-09T08:30', due: '2026-03-09T11:30' },
        { elementId: 'buoc-2-phan-cong', from: '2026-03-09T08:30', to: '2026-03-09T11:30', due: '2026-03-09T14:00' },
        { elementId: 'buoc-3-tham-dinh', from: '2026-03-09T11:30', to: '2026-03-12T11:30', due: '2026-03-18T17:00', waitedHours: 4 },
        { elementId: 'buoc-4-xem-xet', from: '2026-03-12T11:30', to: '2026-03-12T17:00', due: '2026-03-12T17:00' },
        { elementId: 'buoc-5-phe-duyet', from: '2026-03-12T17:00', to: '2026-03-13T11:30', due: '2026-03-13T17:00' },
        { elementId: 'buoc-6-van-thu', from: '2026-03-13T11:30', to: '2026-03-13T15:00', due: '2026-03-13T17:00' },
        { elementId: 'buoc-7-tra-ket-qua', from: '2026-03-13T15:00', to: '2026-03-13T16:00' },
      ],
    },
    {
      code: 'H38.2-260309-0000003',
      definitionId: v1,
      clockStartedAt: '2026-03-09T07:30',
      finishedAt: '2026-03-23T15:00',
      legalDueAt: '2026-03-20T17:00',
      tasks: [
        // Finished exactly at its due instant: on time, not late.
        { elementId: 'buoc-1-tiep-nhan', from: '2026-03-09T07:30', to: '2026-03-09T11:30', due: '2026-03-09T11:30' },
        { elementId: 'buoc-2-phan-cong', from: '2026-03-09T11:30', to: '2026-03-09T15:00', due: '2026-03-09T17:00' },
        { elementId: 'buoc-3-tham-dinh', from: '2026-03-09T15:00', to: '2026-03-19T15:00', due: '2026-03-18T15:00' },
        { elementId: 'buoc-4-xem-xet', from: '2026-03-19T15:00', to: '2026-03-23T09:30', due: '2026-03-20T09:30' },
        { elementId: 'buoc-5-phe-duyet', from: '2026-03-23T09:30', to: '2026-03-23T11:30', due: '2026-03-24T09:30' },
        { elementId: 'buoc-6-van-thu', from: '2026-03-23T11:30', to: '2026-03-23T15:00', due: '2026-03-23T17:00', inChildInstance: true },
        { elementId: 'buoc-7-tra-ket-qua', from: '2026-03-23T15:00', to: '2026-03-23T17:00' },
      ],
    },
    {
      code: 'H38.2-260309-0000004',
      definitionId: v1,
      clockStartedAt: '2026-03-09T07:30',
      finishedAt: null,
      legalDueAt: '2026-03-20T17:00',
      tasks: [
        { elementId: 'buoc-1-tiep-nhan', from: '2026-03-09T07:30', to: '2026-03-09T09:30', due: '2026-03-09T11:30' },
        { elementId: 'buoc-2-phan-cong', from: '2026-03-09T09:30', to: null, due: '2026-03-09T15:00' },
      ],
    },
    {
      // v2: Mon 16 07:30 → Thu 19 09:30 = 26 h.
      code: 'H38.2-260316-0000001',
      definitionId: v2,
      clockStartedAt: '2026-03-16T07:30',
      finishedAt: '2026-03-19T09:30',
      legalDueAt: '2026-03-27T17:00',
      tasks: [
        { elementId: 'buoc-1-tiep-nhan', from: '2026-03-16T07:30', to: '2026-03-16T11:30', due: '2026-03-16T11:30' },
        { elementId: 'buoc-2-phan-cong', from: '2026-03-16T11:30', to: '2026-03-16T15:00', due: '2026-03-16T17:00' },
        { elementId: 'buoc-3-tham-dinh', from: '2026-03-16T15:00', to: '2026-03-18T15:00', due: '2026-03-26T13:00' },
        { elementId: 'buoc-5-phe-duyet', from: '2026-03-18T15:00', to: '2026-03-19T07:30', due: '2026-03-19T15:00' },
        { elementId: 'buoc-6-van-thu', from: '2026-03-19T07:30', to: '2026-03-19T09:30', due: '2026-03-19T11:30' },
        { elementId: 'buoc-7-tra-ket-qua', from: '2026-03-19T09:30', to: '2026-03-19T11:30' },
      ],
    },
  ];
}
