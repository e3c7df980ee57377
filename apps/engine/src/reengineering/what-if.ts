import type { WhatIf } from '@onedoor/contract';
import type { DossierMeasure } from './dossier-measure.js';
import { mean, rounded } from './sample-statistics.js';

const HOUR_MS = 3_600_000;

export type { WhatIf };

export const WHAT_IF_ASSUMPTION =
  'Ước tính với giả định: các bước còn lại mất đúng thời gian như hồ sơ đã thực tế sử dụng; ' +
  'thời gian của các bước bị cắt giảm, kể cả thời gian hồ sơ chờ chuyển giao tại các bước đó, không còn nữa. ' +
  'Thời gian chờ tổ chức, cá nhân bổ sung hồ sơ không được tính.';

/**
 * Replays the base version's finished dossiers against a candidate: each dossier's measured time
 * minus the working time its steps the candidate lacks took inside the measured span, compared
 * with the candidate's statutory days (late when the estimate exceeds them: finishing exactly
 * at the due instant is on time).
 */
export function whatIf(base: readonly DossierMeasure[], candidateStepIds: ReadonlySet<string>, candidateDays: number, hoursPerDay: number): WhatIf {
  const dayMs = hoursPerDay * HOUR_MS;
  const replayed = base.map((m) => {
    let removedMs = 0;
    for (const [elementId, ms] of m.spanMsByElement) if (!candidateStepIds.has(elementId)) removedMs += ms;
    const before = m.usedMs / dayMs;
    const after = Math.max(0, m.usedMs - removedMs) / dayMs;
    return { before, after, lateBefore: m.late, lateAfter: after > candidateDays + 1e-9 };
  });
  const saved = replayed.map((r) => r.before - r.after);
  return {
    assumption: WHAT_IF_ASSUMPTION,
    dossiers: replayed.length,
    meanDaysBefore: rounded(mean(replayed.map((r) => r.before)), 3),
    meanDaysAfter: rounded(mean(replayed.map((r) => r.after)), 3),
    daysSavedMean: rounded(mean(saved), 3),
    daysSavedTotal: rounded(saved.reduce((a, b) => a + b, 0), 3)!,
    lateBefore: replayed.filter((r) => r.lateBefore).length,
    lateAfter: replayed.filter((r) => r.lateAfter).length,
    wouldHaveBeenOnTime: replayed.filter((r) => r.lateBefore && !r.lateAfter).length,
  };
}
