import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import type { DefinitionSummary, HeatMap, OperationsDashboard } from '@onedoor/contract';
import { TokenDiagram } from './token-diagram.js';
import { duration, table, type ViewContext } from './view-context.js';

let diagram: TokenDiagram | null = null;

/**
 * Where a procedure's dossiers pile up: the day's figures for every version, and one version's
 * diagram painted by how many dossiers wait at each step (red badges: past due), with the mean
 * and 90th-percentile time each step took. From here its running dossiers can be migrated.
 */
export async function renderProcedure(ctx: ViewContext, params: URLSearchParams): Promise<void> {
  const t = i18n.t;
  const key = params.get('key') ?? '';
  const versions = (await ctx.api.get<DefinitionSummary[]>(`/api/process-definitions?key=${encodeURIComponent(key)}`)).sort((a, b) => a.version - b.version);
  const chosen = versions.find((v) => v.id === params.get('definitionId')) ?? versions.at(-1);
  if (!chosen) return ctx.say(t('Procedure not found: {key}', { key }), 'error');
  const [dashboard, heat, { bpmnXml }] = await Promise.all([
    ctx.api.get<OperationsDashboard>(`/api/operations/dashboard?definitionKey=${encodeURIComponent(key)}`),
    ctx.api.get<HeatMap>(`/api/process-definitions/${encodeURIComponent(chosen.id)}/heat-map`),
    ctx.api.get<{ bpmnXml: string }>(`/api/process-definitions/${encodeURIComponent(chosen.id)}/xml`),
  ]);
  const picker = h(
    'select',
    { 'data-testid': 'heat-version', onchange: (e: Event) => (location.hash = `#procedure?key=${encodeURIComponent(key)}&definitionId=${encodeURIComponent((e.target as HTMLSelectElement).value)}`) },
    ...versions.map((v) => h('option', { value: v.id }, t('version {version}', { version: v.version }))),
  );
  (picker as HTMLSelectElement).value = chosen.id;
  const figure = (label: string, value: number, testid: string) => h('div', { className: 'od-ops-figure-box', 'data-testid': testid }, h('strong', {}, String(value)), h('span', {}, label));
  const canvas = h('div', { className: 'od-ops-canvas', 'data-testid': 'heat-diagram' });
  const version = dashboard.versions.find((v) => v.id === chosen.id);
  ctx.main.replaceChildren(
    h('h2', {}, chosen.name ?? key),
    h(
      'div',
      { className: 'od-ops-figures' },
      figure(t('running'), dashboard.running, 'dash-running'),
      figure(t('completed today'), dashboard.completedToday, 'dash-completed-today'),
      figure(t('overdue'), dashboard.overdue, 'dash-overdue'),
      figure(t('incidents'), dashboard.incidents, 'dash-incidents'),
    ),
    table(
      [t('Version'), t('Running'), t('Completed today'), t('Overdue'), t('Incidents'), ''],
      dashboard.versions.map((v) => [
        t('version {version}', { version: v.version }) + (v.suspended ? ` (${t('suspended')})` : ''),
        String(v.running),
        String(v.completedToday),
        String(v.overdue),
        String(v.incidents),
        v.running > 0 && v.id !== versions.at(-1)!.id
          ? h('a', { href: `#migrate?source=${encodeURIComponent(v.id)}`, className: 'od-button', 'data-action': 'migrate', 'data-definition-id': v.id }, t('Migrate running dossiers…'))
          : '',
      ]),
      { 'data-testid': 'dashboard-versions' },
    ),
    h('div', { className: 'od-ops-toolbar' }, h('label', {}, t('Heat-map of'), ' ', picker), version?.suspended ? h('span', { className: 'od-ops-late' }, t('No new dossier starts on this version.')) : null),
    h('figure', { className: 'od-ops-figure' }, canvas, h('figcaption', { className: 'od-muted' }, t('Darker: more dossiers waiting. Above each step: mean working time / 90% of dossiers done within.'))),
    h('h3', {}, t('Mean time per step (all versions)')),
    table([t('Step'), t('Done'), t('Mean')], dashboard.meanPerStep.map((s) => [s.name ?? s.activityId, String(s.completed), duration(s.meanMs)])),
  );
  diagram?.destroy();
  diagram = new TokenDiagram(canvas);
  await diagram.show(
    bpmnXml,
    heat.steps.map((s) => ({ activityId: s.activityId, count: s.running, overdue: s.overdue, note: s.completed ? `⌀ ${duration(s.meanMs)} · p90 ${duration(s.p90Ms)}` : undefined })),
    { heat: true },
  );
  ctx.main.dataset.state = 'ready';
}
