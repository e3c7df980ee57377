import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import '../shared/base.css';
import './compare-page.css';

import { downloadText } from '../features/files/index.js';
import { ApiClient } from '../shared/api-client.js';
import { ApiError } from '../shared/api-error.js';
import { authSession } from '../shared/auth-session.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { createLoginForm } from '../shared/login-form.js';
import { viUi } from '../shared/vi-ui.js';
import { createAppHeader } from '../shared/app-shell/app-header.js';
import { viShell } from '../shared/app-shell/vi-shell.js';
import type { DefinitionComparison, DefinitionSummary } from '@onedoor/contract';
import { createAnnexActions } from './annex-actions.js';
import { DiagramPair } from './diagram-pair.js';
import { metricCsv } from './metric-csv.js';
import { renderMetricTable } from './metric-table.js';
import { renderStepCharts } from './step-charts.js';
import { createVersionPicker, type VersionChoice } from './version-picker.js';
import { renderVerdict } from './verdict-panel.js';
import { viCompare } from './vi-compare.js';
import { renderWhatIf } from './what-if-panel.js';

/**
 * The manager's view at /compare/ (issue #7): two versions of a procedure side by side, what was
 * cut, the metrics before and after, the reform verdict, per-step charts and the what-if replay.
 * `?base=<id>&candidate=<id>` opens a given pair (the modeler links here after simplifying).
 */
i18n.register(viUi);
i18n.register(viShell);
i18n.register(viCompare);
const t = i18n.t;
document.documentElement.lang = i18n.language;
document.title = t('Before and after simplification — OneDoor');

const api = new ApiClient();
const root = document.getElementById('app')!;
const header = createAppHeader({
  api,
  currentPath: '/compare/',
  onLogout: () => {
    authSession.clear();
    header.refresh();
    void start();
  },
  onExpired: () => {
    authSession.clear();
    header.refresh();
    void start();
  },
});
const pageTitle = h('h1', { className: 'od-page-title od-compare-title' }, t('Before and after simplification'));
const main = h('main', { className: 'od-compare' });
root.append(header.element, h('div', { className: 'od-compare-heading' }, pageTitle), main);

let pair: DiagramPair | null = null;
let charts: { destroy(): void } | null = null;
let latestLoad = 0;
let comparison: DefinitionComparison | null = null;

void start();

async function start(): Promise<void> {
  main.replaceChildren();
  if (!authSession.token) return askLogin();
  let definitions: DefinitionSummary[];
  try {
    definitions = await api.get<DefinitionSummary[]>('/api/process-definitions');
  } catch (error) {
    return showFailure(error);
  }
  if (!definitions.length) {
    main.append(h('p', { className: 'od-muted' }, t('Nothing has been deployed yet.')));
    return;
  }
  const params = new URLSearchParams(location.search);
  const picker = createVersionPicker(definitions, { key: params.get('key'), baseId: params.get('base'), candidateId: params.get('candidate') }, (choice) => void load(choice));
  const csvButton = h('button', { type: 'button', className: 'od-button', 'data-action': 'download-csv', disabled: true, onclick: () => downloadCsv() }, t('Download table (CSV)'));
  const status = h('p', { className: 'od-compare-status', role: 'status', 'data-testid': 'status' });
  const annexes = createAnnexActions((message) => {
    status.textContent = message;
    status.className = 'od-compare-status is-error';
  });
  const baseCanvas = h('div', { className: 'od-diagram-canvas', 'data-testid': 'base-diagram' });
  const candidateCanvas = h('div', { className: 'od-diagram-canvas', 'data-testid': 'candidate-diagram' });
  const results = h('div', { className: 'od-compare-results' });
  main.append(
    h('div', { className: 'od-compare-toolbar' }, picker.element, h('div', { className: 'od-compare-downloads' }, csvButton, annexes.element)),
    status,
    h(
      'section',
      { className: 'od-diagrams' },
      diagramFigure('base', baseCanvas, t('Cut steps are red.')),
      diagramFigure('candidate', candidateCanvas, t('New and changed steps are green.')),
    ),
    results,
  );
  pair = new DiagramPair(baseCanvas, candidateCanvas);
  if (picker.choice) await load(picker.choice);

  async function load(choice: VersionChoice): Promise<void> {
    const ticket = ++latestLoad;
    history.replaceState(null, '', `?base=${encodeURIComponent(choice.baseId)}&candidate=${encodeURIComponent(choice.candidateId)}`);
    main.dataset.state = 'loading';
    status.textContent = t('Loading…');
    status.className = 'od-compare-status';
    csvButton.disabled = true;
    annexes.show(null);
    try {
      const [loaded, baseXml, candidateXml] = await Promise.all([
        api.get<DefinitionComparison>(`/api/comparisons?base=${encodeURIComponent(choice.baseId)}&candidate=${encodeURIComponent(choice.candidateId)}`),
        xmlOf(choice.baseId),
        xmlOf(choice.candidateId),
      ]);
      if (ticket !== latestLoad) return;
      comparison = loaded;
      setCaption('base', t('Before: version {version}', { version: loaded.base.version }));
      setCaption('candidate', t('After: version {version}', { version: loaded.candidate.version }));
      await pair!.show(baseXml, candidateXml, {
        removed: loaded.removedSteps.map((step) => step.elementId),
        added: loaded.addedSteps.map((step) => step.elementId),
      });
      charts?.destroy();
      const stepCharts = renderStepCharts(loaded);
      charts = stepCharts;
      results.replaceChildren(
        renderVerdict(loaded),
        h('section', { className: 'od-metrics' }, h('h2', {}, t('Metrics')), renderMetricTable(loaded)),
        h('section', { className: 'od-step-charts' }, h('h2', {}, t('Per step, before and after')), stepCharts.element),
        renderWhatIf(loaded),
      );
      status.textContent = choice.baseId === choice.candidateId ? t('Both sides show the same version: pick another one to compare.') : '';
      csvButton.disabled = false;
      annexes.show(choice);
      main.dataset.state = 'ready';
    } catch (error) {
      if (ticket !== latestLoad) return;
      if (error instanceof ApiError && error.status === 401) return showFailure(error);
      status.textContent = describe(error);
      status.className = 'od-compare-status is-error';
      results.replaceChildren();
      main.dataset.state = 'error';
    }
  }
}

function diagramFigure(side: 'base' | 'candidate', canvas: HTMLElement, legend: string): HTMLElement {
  return h(
    'figure',
    { className: `od-diagram od-diagram-${side}` },
    h('figcaption', {}, h('strong', { 'data-caption': side }), ' ', h('span', { className: `od-legend od-legend-${side}` }, legend)),
    canvas,
  );
}

function setCaption(side: 'base' | 'candidate', text: string): void {
  const caption = main.querySelector(`[data-caption="${side}"]`);
  if (caption) caption.textContent = text;
}

async function xmlOf(definitionId: string): Promise<string> {
  const { bpmnXml } = await api.get<{ id: string; bpmnXml: string }>(`/api/process-definitions/${encodeURIComponent(definitionId)}/xml`);
  return bpmnXml;
}

function downloadCsv(): void {
  if (!comparison) return;
  const { base, candidate } = comparison;
  downloadText(`so-sanh-${base.key}-v${base.version}-v${candidate.version}.csv`, metricCsv(comparison), 'text/csv;charset=utf-8');
}

function askLogin(): void {
  main.dataset.state = 'login';
  main.replaceChildren(
    h(
      'section',
      { className: 'od-compare-login' },
      h('h2', {}, t('Log in')),
      h('p', { className: 'od-muted' }, t('Comparisons are for managers: log in with a manager account.')),
      createLoginForm({ api, onSuccess: () => { header.refresh(); void start(); } }),
    ),
  );
}

function showFailure(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) {
    authSession.clear();
    header.refresh();
    return askLogin();
  }
  main.dataset.state = 'error';
  main.replaceChildren(h('p', { className: 'od-compare-status is-error', role: 'alert' }, describe(error)));
}

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('Your account may not see comparisons: it needs the manager role.');
    if (error.isOffline) return t('Cannot reach the server.');
    if (error.status === 404) return t('Version not found: {message}', { message: error.message });
    return t('Could not load the comparison: {message}', { message: error.message });
  }
  return t('Could not load the comparison: {message}', { message: String((error as Error)?.message ?? error) });
}
