import { ArcElement, Chart, DoughnutController, Tooltip } from 'chart.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import type { Dashboard, IndexValue } from '@onedoor/contract';

Chart.register(DoughnutController, ArcElement, Tooltip);

const FILLED = '#0b5cad';
const OVERALL = '#084683';
const EMPTY = '#e6eaef';

interface Gauge {
  id: string;
  label: string;
  hint: string;
  /** 0–100, or null when the period has nothing to measure. */
  percent: number | null;
  detail: string;
  colour: string;
}

/**
 * The Decision 766/QĐ-TTg indices we can compute (progress, online service, transparency,
 * digitisation — components, electronic results, reuse — and satisfaction) and
 * the overall score, each a half-circle gauge from 0 to 100%. Weights are the engine's
 * configuration, shown so a manager sees what each index is worth.
 */
export function renderDashboard(dashboard: Dashboard): { element: HTMLElement; destroy(): void } {
  const t = i18n.t;
  const number = (n: number, digits = 2) => n.toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: digits });
  const index = (id: keyof Dashboard['indices'], label: string, hint: string, counted = '{numerator} of {denominator} dossiers · {points} of {weight} points'): Gauge => {
    const value: IndexValue = dashboard.indices[id];
    return {
      id,
      label,
      hint,
      percent: value.value === null ? null : value.value * 100,
      detail:
        value.value === null
          ? t('No dossiers to measure')
          : t(counted, {
              numerator: number(value.numerator, 1),
              denominator: number(value.denominator, 0),
              points: number(value.points ?? 0),
              weight: number(value.weight),
            }),
      colour: FILLED,
    };
  };
  const gauges: Gauge[] = [
    index('progress', t('Progress'), t('Resolved before time or on time, plus in progress within time, of all dossiers judged')),
    index('online', t('Online service'), t('Dossiers received online of all received in the period')),
    index('transparency', t('Transparency'), t('Dossiers synchronised to the national portal of all dossiers of the period')),
    index('digitisation', t('Digitised components'), t('Dossiers whose required components were all digitised, of all received in the period')),
    index('electronicResult', t('Electronic results'), t('Resolved dossiers whose result was issued electronically, of all resolved')),
    index('reuse', t('Reused papers'), t('Component files reused from papers the applicant handed in before, of all component files'), '{numerator} of {denominator} files · {points} of {weight} points'),
    index('satisfaction', t('Satisfaction'), t('Satisfied ratings plus half the normal ones, of all ratings'), '{numerator} of {denominator} ratings · {points} of {weight} points'),
    index('onlinePayment', t('Online payment'), t('Fees paid online, of the fees owed in the period'), '{numerator} of {denominator} fees · {points} of {weight} points'),
    {
      id: 'overall',
      label: t('Overall'),
      hint: t('Points earned of the points attainable over the indices that have dossiers'),
      percent: dashboard.overall.score,
      detail: t('{points} of {max} points', { points: number(dashboard.overall.points), max: number(dashboard.overall.maxPoints) }),
      colour: OVERALL,
    },
  ];
  const charts: Chart[] = [];
  const element = h(
    'div',
    { className: 'od-gauges', 'data-testid': 'dashboard' },
    gauges.map((gauge) => {
      const canvas = h('canvas', { role: 'img', 'aria-label': gauge.label });
      charts.push(gaugeChart(canvas, gauge));
      return h(
        'figure',
        { className: `od-gauge od-gauge-${gauge.id}`, 'data-index': gauge.id, title: gauge.hint },
        h('figcaption', {}, gauge.label),
        h('div', { className: 'od-gauge-box' }, canvas, h('span', { className: 'od-gauge-value', 'data-value': gauge.percent ?? '' }, gauge.percent === null ? '—' : `${number(gauge.percent, 1)}%`)),
        h('p', { className: 'od-gauge-detail' }, gauge.detail),
      );
    }),
  );
  return { element, destroy: () => charts.forEach((chart) => chart.destroy()) };
}

function gaugeChart(canvas: HTMLCanvasElement, gauge: Gauge): Chart {
  const filled = gauge.percent === null ? 0 : Math.min(100, Math.max(0, gauge.percent));
  return new Chart(canvas, {
    type: 'doughnut',
    data: { datasets: [{ data: [filled, 100 - filled], backgroundColor: [gauge.colour, EMPTY], borderWidth: 0 }] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      rotation: -90,
      circumference: 180,
      cutout: '70%',
      plugins: { tooltip: { enabled: false }, legend: { display: false } },
    },
  });
}
