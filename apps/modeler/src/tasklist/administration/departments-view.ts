import type { Department } from '@onedoor/contract';
import { ApiError } from '../../shared/api-error.js';
import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { describeApiError } from '../format/api-message.js';
import { claimRender } from '../shell/render-guard.js';
import type { TasklistContext } from '../shell/tasklist-context.js';
import type { AdministrationApi } from './administration-api.js';

/**
 * The organisation: agencies and their departments as a tree (a department's parent is its
 * agency), each renamed or moved in place; a new one added below. Steps of procedures name
 * departments by code, so the code never changes once created.
 */
export async function renderDepartments(ctx: TasklistContext, container: HTMLElement, api: AdministrationApi): Promise<void> {
  const t = i18n.t;
  const current = claimRender(container);
  let departments: Department[];
  try {
    departments = await api.departments();
  } catch (error) {
    if (!current() || ctx.handleCommonError(error)) return;
    container.replaceChildren(h('p', { className: 'od-form-error', role: 'alert' }, describeApiError(error)));
    return;
  }
  if (!current()) return;
  const reload = () => void renderDepartments(ctx, container, api);
  const parentChoices = (selected: string | null, except?: string) =>
    [h('option', { value: '' }, t('— none (an agency) —')), ...departments.filter((d) => d.code !== except).map((d) => h('option', { value: d.code, selected: d.code === selected }, `${d.name} (${d.code})`))];

  const rows = ordered(departments).map(({ department: d, depth }) => {
    const name = h('input', { name: 'name', value: d.name, required: true, maxlength: 200, 'aria-label': t('Name') });
    const parent = h('select', { name: 'parentCode', 'aria-label': t('Belongs to') }, parentChoices(d.parentCode, d.code));
    const problem = h('p', { className: 'od-field-error' });
    const save = h('button', { type: 'submit', className: 'od-button', 'data-action': 'save-department' }, t('Save'));
    const form = h('form', { className: 'od-inline-form', id: `department-${d.code}` });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      problem.textContent = '';
      save.disabled = true;
      try {
        await api.updateDepartment(d.code, { name: name.value.trim(), parentCode: parent.value || null });
        ctx.flash(t('{name} has been saved.', { name: name.value.trim() }), 'success');
        reload();
      } catch (failure) {
        save.disabled = false;
        if (!ctx.handleCommonError(failure)) problem.textContent = describeApiError(failure);
      }
    });
    form.append(save);
    return h(
      'tr',
      { 'data-department': d.code },
      h('td', { style: `padding-left: ${10 + depth * 22}px` }, h('code', {}, d.code)),
      h('td', {}, name),
      h('td', {}, parent),
      h('td', {}, form, problem),
    );
  });
  // Inputs of a row submit with the row's form (a form can't span table cells otherwise).
  for (const row of rows) for (const field of row.querySelectorAll('input, select')) field.setAttribute('form', row.querySelector('form')!.id);

  container.replaceChildren(
    h(
      'div',
      { className: 'od-admin-departments', 'data-loaded': '' },
      h(
        'table',
        { className: 'od-table od-department-table' },
        h('thead', {}, h('tr', {}, h('th', {}, t('Code')), h('th', {}, t('Name')), h('th', {}, t('Belongs to')), h('th', {}, ''))),
        h('tbody', {}, rows),
      ),
      newDepartmentForm(ctx, api, parentChoices(null), reload),
    ),
  );
}

function newDepartmentForm(ctx: TasklistContext, api: AdministrationApi, parents: HTMLOptionElement[], reload: () => void): HTMLElement {
  const t = i18n.t;
  const code = h('input', { name: 'code', required: true, pattern: '[A-Z0-9_.\\-]{1,50}', placeholder: 'SYT_VP', autocomplete: 'off' });
  const name = h('input', { name: 'name', required: true, maxlength: 200 });
  const parent = h('select', { name: 'parentCode' }, parents);
  const problems = { code: h('p', { className: 'od-field-error', 'data-error-for': 'code' }), name: h('p', { className: 'od-field-error', 'data-error-for': 'name' }), parentCode: h('p', { className: 'od-field-error', 'data-error-for': 'parentCode' }) };
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const create = h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'create-department' }, t('Add the department'));
  const form = h(
    'form',
    { className: 'od-card od-account-form', 'data-form': 'new-department' },
    h('h2', {}, t('Add a department')),
    h('label', {}, t('Code (upper-case letters, digits, _ . -; never changes)'), code, problems.code),
    h('label', {}, t('Name'), name, problems.name),
    h('label', {}, t('Belongs to'), parent, problems.parentCode),
    error,
    h('div', { className: 'od-form-actions' }, create),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const p of Object.values(problems)) p.textContent = '';
    error.textContent = '';
    create.disabled = true;
    try {
      await api.createDepartment({ code: code.value.trim(), name: name.value.trim(), ...(parent.value ? { parentCode: parent.value } : {}) });
      ctx.flash(t('{name} has been added.', { name: name.value.trim() }), 'success');
      reload();
    } catch (failure) {
      create.disabled = false;
      if (ctx.handleCommonError(failure)) return;
      if (failure instanceof ApiError && failure.status === 409) problems.code.textContent = t('A department with this code exists already.');
      else if (failure instanceof ApiError && failure.details.some((d) => d.field && d.field in problems)) {
        for (const d of failure.details) if (d.field && d.field in problems) problems[d.field as keyof typeof problems].textContent = t(d.message);
      } else error.textContent = describeApiError(failure);
    }
  });
  return form;
}

/** Agencies first, each followed by its departments (depth-first), by name. */
function ordered(departments: Department[]): { department: Department; depth: number }[] {
  const children = new Map<string | null, Department[]>();
  const known = new Set(departments.map((d) => d.code));
  for (const d of departments) {
    const parent = d.parentCode && known.has(d.parentCode) ? d.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const out: { department: Department; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const d of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'vi'))) {
      out.push({ department: d, depth });
      visit(d.code, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
