import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { formatNumber } from './compare-format.js';
import type { DefinitionComparison, MeasuredStep } from '@onedoor/contract';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const BASE_COLOUR = '#8c959f';
const CANDIDATE_COLOUR = '#2e7d32';

/** One step of either version with what each measured for it; null where a version lacks the step or data. */
export interface StepPair {
  elementId: string;
  name: string;
  base: MeasuredStep | null;
  candidate: MeasuredStep | null;
}

/** Steps in the base's model order, then the candidate's new ones, then steps only history knows. */
export function stepPairs(comparison: DefinitionComparison): StepPair[] {
  const ids: string[] = [];
  const names = new Map<string, string>();
  const add = (id: string, name: string | null | undefined) => {
    if (!ids.includes(id)) ids.push(id);
    if (name && !names.has(id)) names.set(id, name);
  };
  for (const step of comparison.base.perStepStatic) add(step.elementId, step.name);
  for (const step of comparison.candidate.perStepStatic) add(step.elementId, step.name);
  for (const step of [...comparison.base.measured.perStep, ...comparison.candidate.measured.perStep]) add(step.elementId, step.name);
  const find = (list: MeasuredStep[], id: string) => list.find((step) => step.elementId === id) ?? null;
  return ids.map((id) => ({
    elementId: id,
    name: names.get(id) ?? id,
    base: find(comparison.base.measured.perStep, id),
    candidate: find(comparison.candidate.measured.perStep, id),
  }));
}

/**
 * Two bar charts over the steps: mean working hours per step and the share of late steps,
 * before next to after. Animation is off: managers print these, and screenshots must be stable.
 */
export function renderStepCharts(comparison: DefinitionComparison): { element: HTMLElement; destroy(): void } {
  const t = i18n.t;
  const pairs = stepPairs(comparison);
  const measured = comparison.base.measured.dossiers + comparison.candidate.measured.dossiers > 0;
  if (!measured) {
    return { element: h('p', { className: 'od-muted', 'data-testid': 'charts-empty' }, t('No finished dossiers yet: the charts appear once dossiers have been resolved.')), destroy() {} };
  }
  const timeCanvas = h('canvas', { 'data-chart': 'mean-hours', role: 'img', 'aria-label': t('Mean time per step (working hours)') });
  const lateCanvas = h('canvas', { 'data-chart': 'late-rate', role: 'img', 'aria-label': t('Late steps (%)') });
  const labels = pairs.map((pair) => wrap(pair.name));
  const versions = [t('Before (v{version})', { version: comparison.base.version }), t('After (v{version})', { version: comparison.candidate.version })];
  const charts = [
    barChart(timeCanvas, labels, versions, [pairs.map((p) => p.base?.meanHours ?? null), pairs.map((p) => p.candidate?.meanHours ?? null)], t('Working hours'), 2),
    barChart(
      lateCanvas,
      labels,
      versions,
      [pairs.map((p) => percent(p.base?.lateRate)), pairs.map((p) => percent(p.candidate?.lateRate))],
      '%',
      1,
    ),
  ];
  const element = h(
    'div',
    { className: 'od-charts' },
    h('figure', {}, h('figcaption', {}, t('Mean time per step (working hours)')), h('div', { className: 'od-chart-box' }, timeCanvas)),
    h('figure', {}, h('figcaption', {}, t('Late steps (%)')), h('div', { className: 'od-chart-box' }, lateCanvas)),
  );
  return { element, destroy: () => charts.forEach((chart) => chart.destroy()) };
}

function barChart(canvas: HTMLCanvasElement, labels: string[][], versions: string[], data: (number | null)[][], unit: string, digits: number): Chart {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: versions[0], data: data[0], backgroundColor: BASE_COLOUR },
        { label: versions[1], data: data[1], backgroundColor: CANDIDATE_COLOUR },
      ],
    },
    options: {
      // horizontal bars: step names are sentences and need the room a category axis on the left gives
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        // a share is read against the whole: 0–100 %, not 0 to whatever the worst step reached
        x: { beginAtZero: true, max: unit === '%' ? 100 : undefined, title: { display: true, text: unit }, ticks: { callback: (value) => formatNumber(Number(value), digits) } },
        y: { ticks: { autoSkip: false, font: { size: 11 } } },
      },
      plugins: {
        legend: { position: 'top' },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatNumber(item.parsed.x, digits)} ${unit}` } },
      },
    },
  });
}

function percent(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
}

/** Step names are sentences; chart.js draws an array label as lines. */
function wrap(name: string, width = 30, maxLines = 2): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] += '…';
  }
  return lines;
}
