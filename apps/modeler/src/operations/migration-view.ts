import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import type { DefinitionSummary, MigrationBatch, MigrationPlan, MigrationPreview, MigrationStarted } from '@onedoor/contract';
import { askReason } from './reason-dialog.js';
import { errorText, table, type ViewContext } from './view-context.js';

/**
 * Moving a version's running dossiers onto another (typically the simplified one): the engine
 * proposes where each step's dossiers go (removed steps: to their successor), the administrator
 * may change it, previews where they land, then runs the batch and watches each dossier's result.
 */
export async function renderMigration(ctx: ViewContext, params: URLSearchParams): Promise<void> {
  const t = i18n.t;
  const sourceId = params.get('source') ?? '';
  const source = await ctx.api.get<DefinitionSummary>(`/api/process-definitions/${encodeURIComponent(sourceId)}`);
  const versions = (await ctx.api.get<DefinitionSummary[]>(`/api/process-definitions?key=${encodeURIComponent(source.key)}`)).filter((v) => v.id !== source.id).sort((a, b) => b.version - a.version);
  const target = h('select', { 'data-testid': 'migration-target' }, ...versions.map((v) => h('option', { value: v.id }, t('version {version}', { version: v.version }))));
  const planArea = h('div', { 'data-testid': 'migration-plan' });
  const previewArea = h('div', { 'data-testid': 'migration-preview' });
  const resultArea = h('div', { 'data-testid': 'migration-result' });
  let plan: MigrationPlan | null = null;

  const propose = async () => {
    previewArea.replaceChildren();
    resultArea.replaceChildren();
    plan = await ctx.api.post<MigrationPlan>('/api/migrations/plan', { sourceDefinitionId: source.id, targetDefinitionId: (target as HTMLSelectElement).value });
    const steps = (await ctx.api.get<{ steps: { elementId: string; name: string | null; calledFrom?: string }[] }>(`/api/process-definitions/${encodeURIComponent(plan.targetDefinitionId)}/steps`)).steps.filter((s) => !s.calledFrom);
    planArea.replaceChildren(
      h('h3', {}, t('Where each step’s dossiers go')),
      table(
        [t('Step on version {version}', { version: source.version }), t('Goes to'), ''],
        plan.instructions.map((instruction, index) => {
          const choices = new Map(steps.map((s) => [s.elementId, s.name ?? s.elementId]));
          if (instruction.targetActivityId && !choices.has(instruction.targetActivityId)) choices.set(instruction.targetActivityId, instruction.targetName ?? instruction.targetActivityId);
          const select = h(
            'select',
            { 'data-testid': 'plan-target', 'data-source': instruction.sourceActivityId, onchange: (e: Event) => { const v = (e.target as HTMLSelectElement).value; plan!.instructions[index] = { ...instruction, targetActivityId: v || null, kind: v ? (v === instruction.sourceActivityId ? 'same' : 'successor') : 'none' }; } },
            h('option', { value: '' }, t('(nowhere: refuse)')),
            ...[...choices].map(([id, name]) => h('option', { value: id }, name)),
          );
          (select as HTMLSelectElement).value = instruction.targetActivityId ?? '';
          const note = instruction.kind === 'successor' ? t('removed: goes to its successor') : instruction.kind === 'none' ? t('no place on the target') : '';
          return [instruction.sourceName ?? instruction.sourceActivityId, select, h('span', { className: instruction.kind === 'successor' ? 'od-ops-note' : 'od-muted' }, note)];
        }),
      ),
      h('div', { className: 'od-ops-actions' }, h('button', { type: 'button', className: 'od-button', 'data-action': 'preview', onclick: () => void preview() }, t('Preview'))),
    );
  };

  const preview = async () => {
    try {
      const counts = await ctx.api.post<MigrationPreview>('/api/migrations/preview', { plan });
      previewArea.replaceChildren(
        h('h3', {}, t('Where the running dossiers land')),
        h('p', { 'data-testid': 'preview-counts', 'data-total': counts.total, 'data-migratable': counts.migratable }, t('{total} running: {ok} can move, {refused} would be refused.', { total: counts.total, ok: counts.migratable, refused: counts.refused })),
        table([t('Now at'), t('Number of dossiers'), t('Goes to')], counts.bySource.map((s) => [s.name ?? s.activityId, String(s.count), s.targetName ?? s.targetActivityId ?? '—'])),
        counts.refusals.length ? table([t('Dossier'), t('Why it would be refused')], counts.refusals.map((r) => [r.businessKey ?? r.instanceId, r.reason])) : '',
        h('p', { className: 'od-muted' }, t('Deadlines: a moved dossier keeps its legal due date and its step keeps the due date it had.')),
        h('div', { className: 'od-ops-actions' }, h('button', { type: 'button', className: 'od-button od-button-primary', 'data-action': 'run-migration', disabled: counts.migratable === 0, onclick: () => void run() }, t('Migrate {n} dossiers…', { n: counts.migratable }))),
      );
    } catch (error) {
      ctx.say(errorText(error), 'error');
    }
  };

  const run = async () => {
    const choice = await askReason(t('Migrate the running dossiers'), { hint: t('Each dossier is moved under its own lock by the job executor; the results appear below.') });
    if (!choice) return;
    try {
      const started = await ctx.api.post<MigrationStarted>('/api/migrations', { plan, reason: choice.reason });
      await follow(started.id);
    } catch (error) {
      ctx.say(errorText(error), 'error');
    }
  };

  /** A step's name as the plan gives it (source or target), its id otherwise. */
  const stepName = (id: string) => {
    const instruction = plan?.instructions.find((x) => x.sourceActivityId === id) ?? plan?.instructions.find((x) => x.targetActivityId === id);
    return (instruction?.sourceActivityId === id ? instruction.sourceName : instruction?.targetName) ?? id;
  };

  const follow = async (batchId: string) => {
    for (let i = 0; i < 120; i++) {
      const batch = await ctx.api.get<MigrationBatch>(`/api/migrations/${batchId}`);
      resultArea.replaceChildren(
        h('h3', {}, t('Results')),
        h('p', { 'data-testid': 'batch-counts', 'data-pending': batch.pending, 'data-moved': batch.moved, 'data-refused': batch.refused }, t('{moved} moved, {refused} refused, {pending} waiting.', { moved: batch.moved, refused: batch.refused, pending: batch.pending })),
        table(
          [t('Dossier'), t('Result'), t('From'), t('To'), t('Why')],
          batch.items.map((x) => [
            h('a', { href: `#instance/${x.instanceId}` }, x.businessKey ?? x.instanceId.slice(0, 8)),
            ({ moved: t('moved'), refused: t('refused'), pending: t('waiting') } as Record<string, string>)[x.outcome],
            (x.fromActivities ?? []).map(stepName).join(', '),
            (x.toActivities ?? []).map(stepName).join(', '),
            x.reason ?? '',
          ]),
          { 'data-testid': 'batch-items' },
        ),
      );
      if (batch.pending === 0) {
        ctx.say(t('Migration finished.'), 'ok');
        return;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };

  ctx.main.replaceChildren(
    h('h2', {}, t('Migrate running dossiers of {name}, version {version}', { name: source.name ?? source.key, version: source.version })),
    versions.length
      ? h('div', { className: 'od-ops-toolbar' }, h('label', {}, t('Onto'), ' ', target), h('button', { type: 'button', className: 'od-button od-button-primary', 'data-action': 'propose-plan', onclick: () => void propose().catch((e) => ctx.say(errorText(e), 'error')) }, t('Propose a plan')))
      : h('p', { className: 'od-muted' }, t('There is no other version to migrate to.')),
    planArea,
    previewArea,
    resultArea,
  );
  ctx.main.dataset.state = 'ready';
}
