import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import '../shared/base.css';
import './modeler-page.css';

import { pickBpmnFile } from '../features/files/index.js';
import { viSimplify } from '../features/simplify/index.js';
import type { Department } from '../features/properties/index.js';
import { ApiClient } from '../shared/api-client.js';
import { authSession } from '../shared/auth-session.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { createAppHeader } from '../shared/app-shell/app-header.js';
import { viShell } from '../shared/app-shell/vi-shell.js';
import { showLoginDialog } from '../shared/login-dialog.js';
import { viUi } from '../shared/vi-ui.js';
import { createModeler } from './create-modeler.js';
import { ModelerApp, type StatusKind } from './modeler-app.js';

/**
 * The modeler page (/modeler/): toolbar, canvas, properties panel on the right, and a dock
 * under the canvas with the step table and the problems list.
 */
i18n.register(viUi);
i18n.register(viShell);
i18n.register(viSimplify);
const t = i18n.t;
document.documentElement.lang = i18n.language;
document.title = t('Procedure designer — OneDoor');

const api = new ApiClient();
const root = document.getElementById('app')!;

const canvas = h('div', { className: 'od-canvas', 'data-testid': 'canvas' });
const properties = h('aside', { className: 'od-properties', 'data-testid': 'properties' });
const stepTablePanel = h('div', { className: 'od-dock-panel', id: 'od-panel-steps', role: 'tabpanel' });
const problemsPanel = h('div', { className: 'od-dock-panel', id: 'od-panel-problems', role: 'tabpanel', hidden: true });
const status = h('output', { className: 'od-status', role: 'status', 'aria-live': 'polite' });
const fileInput = h('input', { type: 'file', accept: '.bpmn,.xml,application/xml,text/xml', hidden: true, 'data-testid': 'file-input' });

const stepsTab = tabButton('steps', t('Steps of the procedure'), true);
const problemsTab = tabButton('problems', t('Problems'), false);
const problemsCount = h('span', { className: 'od-count' });
problemsTab.append(problemsCount);

const modeler = createModeler({
  canvas,
  properties,
  stepTable: stepTablePanel,
  problems: problemsPanel,
  language: i18n.language,
  loadDepartments: () => api.get<Department[]>('/api/departments'),
  onProblemCount: ({ errors, warnings }) => {
    problemsCount.textContent = errors + warnings ? ` (${errors + warnings})` : '';
    problemsTab.classList.toggle('has-errors', errors > 0);
  },
});

const app = new ModelerApp(modeler, api, showStatus, renderSession);

const header = createAppHeader({
  api,
  currentPath: '/modeler/',
  onLogin: async () => {
    if (await showLoginDialog(api)) app.afterLogin();
  },
  onLogout: () => {
    authSession.clear();
    renderSession();
  },
  onExpired: () => {
    authSession.clear();
    renderSession();
  },
  beforeLanguageSwitch: () => app.stashDraft(),
});

const toolbar = h(
  'div',
  { className: 'od-toolbar', role: 'toolbar', 'aria-label': t('Procedure designer') },
  h(
    'div',
    { className: 'od-toolbar-group' },
    button('new', t('New'), t('New diagram'), () => app.newDiagram()),
    button('open-file', t('Open file…'), t('Open a .bpmn file from this computer (Ctrl+O)'), () => openFile()),
    button('open-deployed', t('Open deployed…'), t('Open a version deployed on the engine'), () => app.openDeployed()),
    button('download-bpmn', t('Download .bpmn'), t('Save the diagram as BPMN 2.0 XML (Ctrl+S)'), () => app.downloadBpmn()),
    button('download-svg', t('Download .svg'), t('Save the diagram as an image'), () => app.downloadSvg()),
  ),
  h(
    'div',
    { className: 'od-toolbar-group' },
    button('undo', '↶ ' + t('Undo'), t('Undo (Ctrl+Z)'), () => app.undo()),
    button('redo', '↷ ' + t('Redo'), t('Redo (Ctrl+Y)'), () => app.redo()),
  ),
  h(
    'div',
    { className: 'od-toolbar-group' },
    button('deploy', t('Deploy'), t('Check and deploy the procedure to the engine'), () => app.deploy(), 'od-button-primary'),
    button('simplify', t('Simplify procedure'), t('Deploy a new version without the steps flagged for removal'), () => app.simplify()),
  ),
  status,
);

root.append(
  header.element,
  toolbar,
  h(
    'main',
    { className: 'od-workspace' },
    canvas,
    h(
      'section',
      { className: 'od-dock' },
      h('div', { className: 'od-tabs', role: 'tablist' }, stepsTab, problemsTab),
      stepTablePanel,
      problemsPanel,
    ),
    properties,
  ),
  fileInput,
);

renderSession();
installShortcuts();
(window as any).onedoor = { modeler, app };
void app.start();

function button(action: string, label: string, title: string, onClick: () => unknown, extraClass = ''): HTMLButtonElement {
  return h('button', { type: 'button', className: `od-button ${extraClass}`.trim(), 'data-action': action, title, onclick: () => void onClick() }, label);
}

function tabButton(panel: 'steps' | 'problems', label: string, selected: boolean): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      role: 'tab',
      className: 'od-tab',
      'data-tab': panel,
      'aria-selected': String(selected),
      'aria-controls': `od-panel-${panel}`,
      onclick: () => selectTab(panel),
    },
    label,
  );
}

function selectTab(panel: 'steps' | 'problems'): void {
  stepsTab.setAttribute('aria-selected', String(panel === 'steps'));
  problemsTab.setAttribute('aria-selected', String(panel === 'problems'));
  stepTablePanel.hidden = panel !== 'steps';
  problemsPanel.hidden = panel !== 'problems';
}

function showStatus(kind: StatusKind, message: string): void {
  status.textContent = message;
  status.className = `od-status od-status-${kind}`;
  status.dataset.kind = kind;
  if (kind === 'error' && /Problems|Vấn đề/.test(message)) selectTab('problems');
}

/** The header follows the session (a login from the deploy dialog, a logout). */
function renderSession(): void {
  header.refresh();
}

async function openFile(): Promise<void> {
  const file = await pickBpmnFile(fileInput);
  if (file) await app.openFile(file);
}

/**
 * Shortcuts that work wherever the focus is (outside text fields): the canvas handles its
 * own (Ctrl+Z on a focused canvas never reaches us: diagram-js marks it handled).
 */
function installShortcuts(): void {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || !(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === 's') {
      event.preventDefault();
      void app.downloadBpmn();
      return;
    }
    if (key === 'o') {
      event.preventDefault();
      void openFile();
      return;
    }
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"], .bio-properties-panel')) return;
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      app.undo();
    } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
      event.preventDefault();
      app.redo();
    }
  });
}
