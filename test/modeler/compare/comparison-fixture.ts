import type { DefinitionComparison, DefinitionMetrics } from '@onedoor/contract';

const measured = (dossiers: number, meanDays: number | null, lateRate: number | null): DefinitionMetrics['measured'] => ({
  dossiers,
  meanDays,
  p90Days: meanDays === null ? null : meanDays + 1,
  lateRate,
  waitingDays: dossiers ? 0.25 : null,
  workingDays: meanDays === null ? null : meanDays + 0.25,
  perStep: [],
});

/** 1.001806 before and after: step 4 cut, reception cheaper; numbers as the engine rounds them. */
export function comparisonFixture(): DefinitionComparison {
  const base: DefinitionMetrics = {
    definitionId: 'cong-nhan:1',
    key: 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat',
    version: 1,
    steps: 7,
    countedSteps: 6,
    handoffs: 5,
    departments: 4,
    departmentCodes: ['SYT_MOTCUA', 'SYT_BTXH', 'SYT_LANHDAO', 'SYT_VANTHU'],
    statutoryDays: 10,
    longestPathDays: 10,
    complianceCost: 170000,
    perStepStatic: [],
    measured: measured(4, 8.5, 0.25),
  };
  const candidate: DefinitionMetrics = { ...base, definitionId: 'cong-nhan:2', version: 2, steps: 6, countedSteps: 5, handoffs: 4, complianceCost: 140000, measured: measured(4, 7.25, 0) };
  return {
    base,
    candidate,
    delta: {
      steps: { absolute: -1, percent: -14.29 },
      handoffs: { absolute: -1, percent: -20 },
      departments: { absolute: 0, percent: 0 },
      statutoryDays: { absolute: 0, percent: 0 },
      longestPathDays: { absolute: 0, percent: 0 },
      complianceCost: { absolute: -30000, percent: -17.65 },
      measured: { meanDays: { absolute: -1.25, percent: -14.71 }, p90Days: { absolute: -1.25, percent: -13.16 }, lateRate: { absolute: -0.25, percent: -100 } },
    },
    verdict: { stepsCut: true, costCut10: true, met: true, text: 'Đạt yêu cầu cải cách theo Quyết định 468/QĐ-TTg: …' },
    removedSteps: [{ elementId: 'buoc-4-xem-xet', name: 'Trưởng phòng xem xét, trình Lãnh đạo Sở', departmentCode: 'SYT_BTXH', allowanceDays: 1, counted: true, complianceCost: 0, intermediate: true }],
    addedSteps: [],
    whatIf: { assumption: '…', dossiers: 4, meanDaysBefore: 8.5, meanDaysAfter: 8, daysSavedMean: 0.5, daysSavedTotal: 2, lateBefore: 1, lateAfter: 0, wouldHaveBeenOnTime: 1 },
  };
}
