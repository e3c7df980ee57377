import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';

export type PeriodKind = 'quarter' | 'month' | 'year' | 'custom';

export interface PeriodSelection {
  kind: PeriodKind;
  year: number;
  /** 1–4 for a quarter, 1–12 for a month. */
  part: number;
  from: string;
  to: string;
}

/**
 * Reporting periods follow Circular 01/2020: the period named month M runs from the 15th of
 * M−1 to the 14th of M (Q3 = 15/06–14/09; a year = 15/12–14/12). The engine applies the rule
 * (it is configurable there); the picker only names the period, and preselects the one today
 * falls in under the usual rule.
 */
export function currentPeriod(today: Date = new Date(), cutOffDay = 15): { year: number; month: number } {
  const index = today.getFullYear() * 12 + today.getMonth() + (today.getDate() >= cutOffDay ? 1 : 0);
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function defaultSelection(today: Date = new Date()): PeriodSelection {
  const { year, month } = currentPeriod(today);
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const monthAgo = new Date(today.getFullYear(), today.getMonth() - 1, today.getDate());
  return { kind: 'quarter', year, part: Math.ceil(month / 3), from: iso(monthAgo), to: iso(today) };
}

/** The API's query: `period=2026-Q3|2026-M07|2026`, or `from`/`to`. */
export function periodQuery(selection: PeriodSelection): Record<string, string> {
  switch (selection.kind) {
    case 'quarter':
      return { period: `${selection.year}-Q${selection.part}` };
    case 'month':
      return { period: `${selection.year}-M${String(selection.part).padStart(2, '0')}` };
    case 'year':
      return { period: String(selection.year) };
    default:
      return { from: selection.from, to: selection.to };
  }
}

/** Reads `period`/`from`/`to` back from the page address, so a reload (or a language switch) keeps the report. */
export function selectionFromQuery(params: URLSearchParams, fallback: PeriodSelection): PeriodSelection {
  const period = params.get('period');
  let match = period && /^(\d{4})-Q([1-4])$/i.exec(period);
  if (match) return { ...fallback, kind: 'quarter', year: Number(match[1]), part: Number(match[2]) };
  match = period && /^(\d{4})-M(\d{1,2})$/i.exec(period);
  if (match) return { ...fallback, kind: 'month', year: Number(match[1]), part: Number(match[2]) };
  match = period && /^(\d{4})$/.exec(period);
  if (match) return { ...fallback, kind: 'year', year: Number(match[1]) };
  const from = params.get('from');
  const to = params.get('to');
  if (from && to) return { ...fallback, kind: 'custom', from, to };
  return fallback;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Kind, year and quarter/month (or two dates); calls back on every change. */
export function createPeriodPicker(initial: PeriodSelection, onChange: (selection: PeriodSelection) => void): { element: HTMLElement; value(): PeriodSelection } {
  const t = i18n.t;
  const state: PeriodSelection = { ...initial };
  const kind = h(
    'select',
    { name: 'kind', 'data-testid': 'period-kind' },
    h('option', { value: 'quarter' }, t('Quarter')),
    h('option', { value: 'month' }, t('Month')),
    h('option', { value: 'year' }, t('Year')),
    h('option', { value: 'custom' }, t('From … to …')),
  );
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(state.year)) years.push(state.year);
  const year = h('select', { name: 'year', 'data-testid': 'period-year' }, years.map((y) => h('option', { value: y }, String(y))));
  const part = h('select', { name: 'part', 'data-testid': 'period-part' });
  const from = h('input', { type: 'date', name: 'from', 'data-testid': 'period-from', required: true });
  const to = h('input', { type: 'date', name: 'to', 'data-testid': 'period-to', required: true });
  const yearLabel = h('label', {}, t('Year'), year);
  const partCaption = h('span', {});
  const partLabel = h('label', {}, partCaption, part);
  const fromLabel = h('label', {}, t('From'), from);
  const toLabel = h('label', {}, t('To'), to);

  const fillParts = () => {
    const quarter = state.kind === 'quarter';
    partCaption.textContent = quarter ? t('Quarter') : t('Month');
    const count = quarter ? 4 : 12;
    part.replaceChildren(
      ...Array.from({ length: count }, (_, i) => h('option', { value: i + 1 }, quarter ? t('Quarter {roman}', { roman: ROMAN[i] }) : t('Month {n}', { n: i + 1 }))),
    );
    state.part = Math.min(Math.max(state.part, 1), count);
    part.value = String(state.part);
  };
  const layout = () => {
    const custom = state.kind === 'custom';
    yearLabel.hidden = custom;
    partLabel.hidden = custom || state.kind === 'year';
    fromLabel.hidden = toLabel.hidden = !custom;
    if (!partLabel.hidden) fillParts();
  };
  const emit = () => onChange({ ...state });

  kind.value = state.kind;
  year.value = String(state.year);
  from.value = state.from;
  to.value = state.to;
  layout();

  kind.addEventListener('change', () => {
    const previous = state.kind;
    state.kind = kind.value as PeriodKind;
    // a quarter's months become the month picker's choice, and back
    if (previous === 'quarter' && state.kind === 'month') state.part = (state.part - 1) * 3 + 3;
    if (previous === 'month' && state.kind === 'quarter') state.part = Math.ceil(state.part / 3);
    layout();
    emit();
  });
  year.addEventListener('change', () => {
    state.year = Number(year.value);
    emit();
  });
  part.addEventListener('change', () => {
    state.part = Number(part.value);
    emit();
  });
  for (const input of [from, to]) {
    input.addEventListener('change', () => {
      state.from = from.value;
      state.to = to.value;
      if (state.from && state.to) emit();
    });
  }

  const element = h('fieldset', { className: 'od-period-picker' }, h('legend', {}, t('Reporting period')), h('label', {}, t('Period type'), kind), yearLabel, partLabel, fromLabel, toLabel);
  return { element, value: () => ({ ...state }) };
}
