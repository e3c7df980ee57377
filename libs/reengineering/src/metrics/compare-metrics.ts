import type { MetricDelta, ModelDelta, ReformVerdict } from '@onedoor/contract';
import type { StaticMetrics, StepMetrics } from './static-metrics.js';

export type { MetricDelta };

export interface MetricsComparison {
  delta: ModelDelta;
  /** Steps of the base the candidate no longer has (by element id), as the base describes them. */
  removedSteps: StepMetrics[];
  /** Steps only the candidate has. */
  addedSteps: StepMetrics[];
  verdict: ReformVerdict;
}

/** Before/after comparison of two versions of a procedure against the reform targets. */
export function compareMetrics(base: StaticMetrics, candidate: StaticMetrics): MetricsComparison {
  const candidateIds = new Set(candidate.perStep.map((s) => s.elementId));
  const baseIds = new Set(base.perStep.map((s) => s.elementId));
  const removedSteps = base.perStep.filter((s) => !candidateIds.has(s.elementId));
  const addedSteps = candidate.perStep.filter((s) => !baseIds.has(s.elementId));

  const intermediateCut = removedSteps.filter((s) => s.intermediate).length;
  const stepsCut = intermediateCut >= 1 && candidate.steps < base.steps;
  // A small tolerance: costs are sums of decimals and exactly 10% must count.
  const costCut10 = base.complianceCost > 0 && candidate.complianceCost <= base.complianceCost * 0.9 + 1e-6;
  const met = stepsCut && costCut10;
  const delta = {
    steps: deltaOf(base.steps, candidate.steps),
    handoffs: deltaOf(base.handoffs, candidate.handoffs),
    departments: deltaOf(base.departments, candidate.departments),
    statutoryDays:
      base.statutoryDays === null || candidate.statutoryDays === null ? null : deltaOf(base.statutoryDays, candidate.statutoryDays),
    longestPathDays: deltaOf(base.longestPathDays, candidate.longestPathDays),
    complianceCost: deltaOf(base.complianceCost, candidate.complianceCost),
  };
  return {
    delta,
    removedSteps,
    addedSteps,
    verdict: { stepsCut, costCut10, met, text: verdictText(base, candidate, intermediateCut, stepsCut, costCut10) },
  };
}

function deltaOf(base: number, candidate: number): MetricDelta {
  const absolute = Math.round((candidate - base) * 1e6) / 1e6;
  if (absolute === 0) return { absolute, percent: 0 };
  return { absolute, percent: base === 0 ? null : Math.round((absolute / base) * 10000) / 100 };
}

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

function verdictText(base: StaticMetrics, candidate: StaticMetrics, intermediateCut: number, stepsCut: boolean, costCut10: boolean): string {
  const steps = `${base.steps} → ${candidate.steps} bước`;
  const stepsPart = stepsCut
    ? `cắt giảm ${intermediateCut} bước trung gian (${steps})`
    : `chưa cắt giảm bước trung gian nào (${steps})`;

  const costs = `${number.format(base.complianceCost)} → ${number.format(candidate.complianceCost)} đồng`;
  const cut = base.complianceCost > 0 ? ((base.complianceCost - candidate.complianceCost) / base.complianceCost) * 100 : 0;
  let costPart: string;
  if (base.complianceCost <= 0) costPart = 'chưa có số liệu chi phí tuân thủ của phiên bản gốc';
  else if (costCut10) costPart = `giảm ${percent.format(cut)}% chi phí tuân thủ (${costs})`;
  else if (cut > 0) costPart = `chi phí tuân thủ chỉ giảm ${percent.format(cut)}% (${costs}), chưa đủ mức tối thiểu 10%`;
  else costPart = `chi phí tuân thủ không giảm (${costs})`;

  const head = stepsCut && costCut10 ? 'Đạt yêu cầu cải cách' : 'Chưa đạt yêu cầu cải cách';
  return `${head} theo Quyết định 468/QĐ-TTg: ${stepsPart}; ${costPart}.${timeText(base.statutoryDays, candidate.statutoryDays)}`;
}

function timeText(base: number | null, candidate: number | null): string {
  if (base === null || candidate === null) return '';
  if (base === candidate) return ` Thời hạn giải quyết giữ nguyên ${number.format(base)} ngày làm việc.`;
  return ` Thời hạn giải quyết: ${number.format(base)} → ${number.format(candidate)} ngày làm việc.`;
}
