import type { InstanceConsole } from '@onedoor/contract';
import { formatDateTime } from '../shared/date-time.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { stateLabel } from './instance-search.js';
import { askReason } from './reason-dialog.js';
import { TokenDiagram } from './token-diagram.js';
import { errorText, table, type ViewContext } from './view-context.js';

let diagram: TokenDiagram | null = null;

/**
 * One instance, "where is it and why is it stuck": its diagram with the tokens, the open
 * incidents with retry, variables, history, jobs and the audit trail; and the interventions —
 * suspend / resume, cancel (withdrawal or stop), move a token, edit a variable — each asking why.
 */
export async function renderInstance(ctx: ViewContext, id: string): Promise<void> {
  const t = i18n.t;
  const data = await ctx.api.get<InstanceConsole>(`/api/process-instances/${encodeURIComponent(id)}/console`);
  const { bpmnXml } = await ctx.api.get<{ bpmnXml: string }>(`/api/process-definitions/${encodeURIComponent(data.instance.definitionId)}/xml`);
  const i = data.instance;
  const running = i.state === 'active';
  const act = async (label: string, run: (reason: string, option?: string) => Promise<unknown>, options: Parameters<typeof askReason>[1] = {}) => {
    const choice = await askReason(label, options);
    if (!choice) return;
    try {
      await run(choice.reason, choice.option);
      ctx.say(t('Done: {what}.', { what: label }), 'ok');
      await renderInstance(ctx, id);
    } catch (error) {
      ctx.say(errorText(error), 'error');
    }
  };
  const actions = h(
    'div',
    { className: 'od-ops-actions' },
    running && !i.suspended
      ? h('button', { type: 'button', className: 'od-button', 'data-action': 'suspend', onclick: () => act(t('Suspend the dossier'), (reason) => ctx.api.post(`/api/process-instances/${id}/suspend`, { reason })) }, t('Suspend'))
      : null,
    running && i.suspended
      ? h('button', { type: 'button', className: 'od-button', 'data-action': 'resume', onclick: () => act(t('Resume the dossier'), (reason) => ctx.api.post(`/api/process-instances/${id}/resume`, { reason })) }, t('Resume'))
      : null,
    running
      ? h(
          'button',
          {
            type: 'button',
            className: 'od-button',
            'data-action': 'cancel',
            onclick: () =>
              act(t('Cancel the dossier'), (reason, ending) => ctx.api.post(`/api/process-instances/${id}/cancel`, { reason, ending }), {
                hint: t('Withdrawal: national status 7. Stop: status 8, and the stop notice (form 05) can be printed.'),
                choices: [
                  { value: 'withdrawn', label: t('The applicant withdrew it') },
                  { value: 'stopped', label: t('Processing is stopped (form 05)') },
                ],
              }),
          },
          t('Cancel…'),
        )
      : null,
    h('a', { className: 'od-button od-button-link', href: `#procedure?key=${encodeURIComponent(i.definitionKey)}&definitionId=${encodeURIComponent(i.definitionId)}` }, t('Procedure heat-map')),
  );

  const canvas = h('div', { className: 'od-ops-canvas', 'data-testid': 'instance-diagram' });
  const moveForm = running ? tokenMoveForm(ctx, data, id, act) : null;
  ctx.main.replaceChildren(
    h('h2', { 'data-testid': 'instance-title' }, data.dossier ? t('Dossier {code}', { code: data.dossier.code }) : t('Instance {id}', { id: i.id.slice(0, 8) })),
    h(
      'p',
      { className: 'od-ops-summary', 'data-testid': 'instance-summary', 'data-state': i.suspended ? 'suspended' : i.state },
      `${i.procedureName ?? i.definitionKey} · ${t('version {version}', { version: i.version })} · ${stateLabel(i.state, i.suspended)}`,
      data.dossier ? ` · ${t('applicant {name}', { name: data.dossier.applicantName })} · ${t('appointment {at}', { at: formatDateTime(data.dossier.dueAt) })}` : '',
    ),
    actions,
    h('figure', { className: 'od-ops-figure' }, canvas, h('figcaption', { className: 'od-muted' }, t('Badges: dossiers waiting at the step; red: past the step’s due date. Click a step to move the token there.'))),
    ...(moveForm ? [moveForm.element] : []),
    ...(data.calledInstances.length
      ? [h('p', {}, t('Called procedures:'), ' ', ...data.calledInstances.flatMap((c) => [h('a', { href: `#instance/${c.id}`, 'data-testid': 'called-instance' }, `${c.definitionKey} (${stateLabel(c.state, false)})`), ' ']))]
      : []),
    incidentsSection(ctx, data, id),
    variablesSection(ctx, data, id, running, act),
    h('h3', {}, t('History')),
    table(
      [t('Step'), t('Started'), t('Ended'), t('State'), t('Department'), t('Officer'), t('Due')],
      data.history.map((x) => [x.activityName ?? x.activityId, formatDateTime(x.startedAt), formatDateTime(x.endedAt), historyState(x.state, x.outcome), x.departmentCode ?? '', x.assignee ?? x.endedBy ?? '', formatDateTime(x.dueAt)]),
      { 'data-testid': 'history' },
    ),
    h('h3', {}, t('Jobs')),
    data.jobs.length
      ? table([t('Type'), t('Element'), t('Due'), t('Retries left'), t('Last error')], data.jobs.map((j) => [j.type, j.elementId, formatDateTime(j.dueAt), String(j.retries), j.lastError ?? '']))
      : h('p', { className: 'od-muted' }, t('No jobs.')),
    h('h3', {}, t('Audit log')),
    table(
      [t('When'), t('Who'), t('What'), t('Reason')],
      data.audit.map((a) => [formatDateTime(a.at), a.username ?? '', a.operation, a.details?.reason ?? '']),
      { 'data-testid': 'audit' },
    ),
  );
  diagram?.destroy();
  diagram = new TokenDiagram(canvas);
  await diagram.show(
    bpmnXml,
    data.activities.map((a) => ({ activityId: a.activityId, count: a.count, overdue: a.overdue })),
  );
  moveForm?.fill(diagram.elementNames());
  diagram.onSelect((activityId) => moveForm?.target(activityId));
  ctx.main.dataset.state = 'ready';
}

function historyState(state: string, outcome: string | null): string {
  const t = i18n.t;
  if (outcome === 'returned') return t('Returned');
  return ({ active: t('In progress'), completed: t('Done'), canceled: t('Cancelled') } as Record<string, string>)[state] ?? state;
}

function incidentsSection(ctx: ViewContext, data: InstanceConsole, id: string): HTMLElement {
  const t = i18n.t;
  const open = data.incidents.filter((x) => !x.resolvedAt);
  // the step's name where the instance has been there; the raw id (or the job type) otherwise
  const stepName = (elementId: string | null) => data.history.find((x) => x.activityId === elementId)?.activityName ?? elementId;
  const section = h('section', { className: 'od-ops-incidents', 'data-testid': 'incidents' }, h('h3', {}, t('Incidents ({n} open)', { n: open.length })));
  if (open.length === 0) section.append(h('p', { className: 'od-muted' }, t('Nothing is stuck.')));
  for (const incident of open) {
    const handle = async (kind: 'retry' | 'resolve') => {
      const choice = await askReason(kind === 'retry' ? t('Retry the failed job') : t('Mark the incident resolved'), {
        hint: kind === 'retry' ? t('The job gets its retries back and runs at once, on one node.') : t('The failed job is dropped: do this only once its work was done by hand.'),
      });
      if (!choice) return;
      try {
        await ctx.api.post(`/api/incidents/${incident.id}/${kind}`, { reason: choice.reason });
        ctx.say(kind === 'retry' ? t('The job was rescheduled.') : t('The incident is resolved.'), 'ok');
        // the job runs on the next poll: give it a moment before showing the instance again
        await new Promise((r) => setTimeout(r, 600));
        await renderInstance(ctx, id);
      } catch (error) {
        ctx.say(errorText(error), 'error');
      }
    };
    section.append(
      h(
        'div',
        { className: 'od-ops-incident', 'data-testid': 'incident', 'data-incident-id': incident.id },
        h('strong', {}, stepName(incident.elementId) ?? incident.type),
        ` · ${formatDateTime(incident.createdAt)} · `,
        h('span', { className: 'od-ops-error' }, incident.message),
        ' ',
        h('button', { type: 'button', className: 'od-button od-button-primary', 'data-action': 'retry-incident', onclick: () => handle('retry') }, t('Retry')),
        ' ',
        h('button', { type: 'button', className: 'od-button', 'data-action': 'resolve-incident', onclick: () => handle('resolve') }, t('Resolve')),
      ),
    );
  }
  return section;
}

type Act = (label: string, run: (reason: string, option?: string) => Promise<unknown>, options?: Parameters<typeof askReason>[1]) => Promise<void>;

function variablesSection(ctx: ViewContext, data: InstanceConsole, id: string, running: boolean, act: Act): HTMLElement {
  const t = i18n.t;
  const name = h('input', { name: 'variable', placeholder: t('name'), 'data-testid': 'variable-name' });
  const value = h('input', { name: 'value', placeholder: t('value (JSON: 12, true, "text")'), 'data-testid': 'variable-value' });
  const edit = h(
    'form',
    {
      className: 'od-ops-inline',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const raw = (value as HTMLInputElement).value.trim();
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          parsed = raw;
        }
        void act(t('Change variable {name}', { name: (name as HTMLInputElement).value }), (reason) =>
          ctx.api.request('PATCH', `/api/process-instances/${id}/variables`, { reason, variables: { [(name as HTMLInputElement).value.trim()]: parsed } }),
        );
      },
    },
    name,
    value,
    h('button', { type: 'submit', className: 'od-button' }, t('Change…')),
  );
  return h(
    'section',
    {},
    h('h3', {}, t('Variables')),
    table(
      [t('Name'), t('Value')],
      Object.entries(data.variables).map(([k, v]) => [
        h('button', { type: 'button', className: 'od-button-link od-button', onclick: () => { (name as HTMLInputElement).value = k; (value as HTMLInputElement).value = JSON.stringify(v); } }, k),
        h('code', {}, JSON.stringify(v)),
      ]),
      { 'data-testid': 'variables' },
    ),
    running ? edit : null,
  );
}

/** Move a token: cancel a running step and start before (or after) another one — one modification, one reason. */
function tokenMoveForm(ctx: ViewContext, data: InstanceConsole, id: string, act: Act) {
  const t = i18n.t;
  const from = h(
    'select',
    { name: 'from', 'data-testid': 'move-from' },
    h('option', { value: '' }, t('(no step: add a token)')),
    ...data.activities.flatMap((a) => a.tokens.filter((x) => x.activityInstanceId).map((x) => h('option', { value: x.activityInstanceId! }, a.name ?? a.activityId))),
  );
  if (data.activities[0]?.tokens[0]?.activityInstanceId) (from as HTMLSelectElement).value = data.activities[0].tokens[0].activityInstanceId;
  const to = h('select', { name: 'to', 'data-testid': 'move-to' }, h('option', { value: '' }, t('(nowhere: only cancel)')));
  const where = h('select', { name: 'where' }, h('option', { value: 'startBeforeActivity' }, t('before the step (it runs)')), h('option', { value: 'startAfterActivity' }, t('after the step (it is skipped)')));
  const element = h(
    'form',
    {
      className: 'od-ops-inline od-ops-move',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const instructions: unknown[] = [];
        const fromValue = (from as HTMLSelectElement).value;
        const toValue = (to as HTMLSelectElement).value;
        if (fromValue) instructions.push({ type: 'cancel', activityInstanceId: fromValue });
        if (toValue) instructions.push({ type: (where as HTMLSelectElement).value, activityId: toValue });
        if (instructions.length === 0) return ctx.say(t('Choose a step to leave or a step to go to.'), 'error');
        void act(t('Move the token'), (reason) => ctx.api.post(`/api/process-instances/${id}/modification`, { reason, instructions }));
      },
    },
    h('strong', {}, t('Move a token:')),
    h('label', {}, t('from'), from),
    h('label', {}, t('to'), to),
    where,
    h('button', { type: 'submit', className: 'od-button', 'data-action': 'move' }, t('Move…')),
  );
  return {
    element,
    fill(names: Map<string, string>) {
      for (const [elementId, label] of [...names].sort((a, b) => a[1].localeCompare(b[1]))) to.append(h('option', { value: elementId }, label));
    },
    target(activityId: string) {
      (to as HTMLSelectElement).value = activityId;
    },
  };
}
