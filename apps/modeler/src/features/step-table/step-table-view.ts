import type EventBus from 'diagram-js/lib/core/EventBus';
import { h } from '../../shared/dom.js';
import { formatDays, parseDays } from '../../shared/number-format.js';
import type { ModdleElement } from '../../shared/procedure/moddle-element.js';
import { OD_ROLES, type DepartmentDirectory } from '../properties/index.js';
import { buildStepTables, type ProcedureStepTable, type StepRow } from './step-table-model.js';

export interface StepTableConfig {
  parent?: HTMLElement;
}

type Field = 'name' | 'department' | 'role' | 'allowance' | 'counted' | 'statutory';

/**
 * The procedure as agencies publish it, next to the diagram. Both sides edit the same model:
 * a cell change is a `modeling.updateProperties` command (undo/redo work from either side),
 * and every diagram change redraws the table.
 */
export class StepTableView {
  static $inject = ['eventBus', 'bpmnjs', 'elementRegistry', 'modeling', 'selection', 'canvas', 'translate', 'departmentDirectory', 'config.stepTable'];

  readonly container: HTMLElement;
  private scheduled = false;

  constructor(
    eventBus: EventBus,
    private readonly bpmnjs: any,
    private readonly elementRegistry: any,
    private readonly modeling: any,
    private readonly selection: any,
    private readonly canvas: any,
    private readonly translate: (text: string, replacements?: Record<string, string>) => string,
    private readonly directory: DepartmentDirectory,
    config: StepTableConfig | undefined,
  ) {
    this.container = h('div', { className: 'od-step-tables' });
    config?.parent?.append(this.container);
    // block bodies on purpose: a diagram-js listener returning a value stops the event
    eventBus.on(['import.done', 'elements.changed', 'departmentDirectory.changed'], () => {
      this.schedule();
    });
    eventBus.on('selection.changed', () => {
      this.markSelection();
    });
    eventBus.on('diagram.clear', () => {
      this.container.replaceChildren();
    });
  }

  /** Redraws on the next frame: one redraw for a burst of changes (a paste, an undo of many). */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.render();
    });
  }

  render(): void {
    const definitions = this.bpmnjs.getDefinitions();
    if (!definitions) return;
    const focus = this.captureFocus();
    const tables = buildStepTables(definitions);
    this.container.replaceChildren(...tables.map((table) => this.renderTable(table, tables.length > 1)));
    this.markSelection();
    this.restoreFocus(focus);
  }

  private renderTable(table: ProcedureStepTable, showProcessName: boolean): HTMLElement {
    const t = this.translate;
    const title = [table.processName || table.processId, table.procedureCode && t('Procedure code {code}', { code: table.procedureCode })]
      .filter(Boolean)
      .join(' — ');
    return h(
      'section',
      { className: 'od-step-table', 'data-process-id': table.processId },
      showProcessName || table.procedureCode || table.processName ? h('h3', {}, title) : null,
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h('tr', {}, h('th', { className: 'od-col-number' }, t('Step')), h('th', {}, t('What is done')), h('th', {}, t('Department')), h('th', {}, t('Role')), h('th', { className: 'od-col-days' }, t('Time allowed (days)')), h('th', { className: 'od-col-counted' }, t('Counted'))),
        ),
        h(
          'tbody',
          {},
          table.rows.length
            ? table.rows.map((row) => this.renderRow(row))
            : h('tr', { className: 'od-step-empty' }, h('td', { colspan: 6 }, t('No steps yet: add user tasks to the diagram.'))),
        ),
        this.renderTotals(table),
      ),
    );
  }

  private renderRow(row: StepRow): HTMLElement {
    const t = this.translate;
    const tr = h(
      'tr',
      {
        'data-element-id': row.elementId,
        className: row.removalProposed ? 'od-step-removal' : '',
        title: row.removalProposed ? t('Proposed for removal') + (row.removalReason ? `: ${row.removalReason}` : '') : undefined,
      },
      h('td', { className: 'od-col-number' }, String(row.number)),
      h('td', {}, this.input(row, 'name', row.name, { 'aria-label': t('What is done') })),
      h('td', {}, this.departmentCell(row)),
      h('td', {}, this.roleCell(row)),
      h('td', { className: 'od-col-days' }, this.input(row, 'allowance', formatDays(row.allowanceDays), { inputmode: 'decimal', 'aria-label': t('Time allowed (days)') })),
      h(
        'td',
        { className: 'od-col-counted' },
        h('input', { type: 'checkbox', 'data-field': 'counted', checked: row.counted, 'aria-label': t('Counted'), onchange: (event: Event) => this.update(row.elementId, 'counted', (event.target as HTMLInputElement).checked) }),
      ),
    );
    tr.addEventListener('click', (event) => {
      if ((event.target as HTMLElement).closest('input, select')) return;
      this.reveal(row.elementId);
    });
    tr.addEventListener('focusin', () => this.reveal(row.elementId, false));
    return tr;
  }

  private renderTotals(table: ProcedureStepTable): HTMLElement {
    const t = this.translate;
    const statutory = h('input', {
      'data-field': 'statutory',
      inputmode: 'decimal',
      value: formatDays(table.statutoryDays),
      placeholder: '—',
      'aria-label': t('Statutory time (working days)'),
    });
    statutory.addEventListener('change', () => this.updateStatutory(table.processId, statutory));
    return h(
      'tfoot',
      {},
      h(
        'tr',
        { className: 'od-step-total' + (table.mismatch ? ' od-step-mismatch' : '') },
        h('td', { colspan: 4 }, t('Total of counted steps')),
        h('td', { className: 'od-col-days', 'data-total': String(table.countedTotal) }, formatDays(table.countedTotal)),
        h('td', {}),
      ),
      h(
        'tr',
        { className: 'od-step-statutory' + (table.mismatch ? ' od-step-mismatch' : '') },
        h(
          'td',
          { colspan: 4 },
          t('Statutory time (working days)'),
          table.mismatch
            ? h('span', { className: 'od-mismatch-note', role: 'status' }, ' — ' + t('does not match the total ({total} ≠ {statutory})', { total: formatDays(table.countedTotal), statutory: formatDays(table.statutoryDays) }))
            : null,
        ),
        h('td', { className: 'od-col-days' }, statutory),
        h('td', {}),
      ),
    );
  }

  private input(row: StepRow, field: Field, value: string, attributes: Record<string, string> = {}): HTMLInputElement {
    const input = h('input', { ...attributes, 'data-field': field, value });
    input.addEventListener('change', () => this.update(row.elementId, field, input.value));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') input.blur();
    });
    return input;
  }

  private departmentCell(row: StepRow): HTMLElement {
    const t = this.translate;
    const inherited = row.laneDepartment ? t('(from the lane: {department})', { department: this.directory.nameOf(row.laneDepartment) ?? row.laneDepartment }) : '';
    if (!this.directory.available) {
      return this.input(row, 'department', row.ownDepartment ?? '', { placeholder: row.laneDepartment ?? '', 'aria-label': t('Department'), title: inherited });
    }
    const options = [h('option', { value: '' }, inherited || t('(none)'))];
    for (const { department, depth } of this.directory.tree()) {
      options.push(h('option', { value: department.code }, '\u00a0\u00a0'.repeat(depth) + department.name));
    }
    if (row.ownDepartment && !this.directory.nameOf(row.ownDepartment)) {
      options.push(h('option', { value: row.ownDepartment }, `${row.ownDepartment} — ${t('not in the directory')}`));
    }
    const select = h('select', { 'data-field': 'department', 'aria-label': t('Department') }, options);
    select.value = row.ownDepartment ?? '';
    // an inherited department reads differently from one set on the step
    select.classList.toggle('od-inherited', !row.ownDepartment);
    select.addEventListener('change', () => this.update(row.elementId, 'department', select.value));
    return select;
  }

  private roleCell(row: StepRow): HTMLElement {
    const t = this.translate;
    const options = [h('option', { value: '' }, t('(none)')), ...OD_ROLES.map((role) => h('option', { value: role.code, title: t(role.label) }, t(role.shortLabel)))];
    if (row.role && !OD_ROLES.some((role) => role.code === row.role)) options.push(h('option', { value: row.role }, row.role));
    const select = h('select', { 'data-field': 'role', 'aria-label': t('Role') }, options);
    select.value = row.role ?? '';
    select.addEventListener('change', () => this.update(row.elementId, 'role', select.value));
    return select;
  }

  private update(elementId: string, field: Field, value: string | boolean): void {
    const element = this.elementRegistry.get(elementId);
    if (!element) return;
    const text = typeof value === 'string' ? value.trim() : '';
    let properties: Record<string, unknown>;
    switch (field) {
      case 'name':
        properties = { name: text || undefined };
        break;
      case 'department':
        properties = { 'od:department': text || undefined };
        break;
      case 'role':
        properties = { 'od:role': text || undefined };
        break;
      case 'allowance': {
        const days = parseDays(text);
        if (days !== undefined && (!Number.isFinite(days) || days < 0)) return this.schedule(); // restore the old value
        properties = { 'od:allowanceDays': days };
        break;
      }
      case 'counted':
        // true is the default: keep the XML clean, write only `od:counted="false"`
        properties = { 'od:counted': value ? undefined : false };
        break;
      default:
        return;
    }
    this.modeling.updateProperties(element, properties);
  }

  private updateStatutory(processId: string, input: HTMLInputElement): void {
    const days = parseDays(input.value);
    if (days !== undefined && (!Number.isFinite(days) || days < 0)) return this.schedule();
    const holder = this.elementRegistry.find(
      (element: any) =>
        element.businessObject?.id === processId || element.businessObject?.processRef?.id === processId,
    );
    if (!holder) return;
    const process: ModdleElement = holder.businessObject.processRef ?? holder.businessObject;
    this.modeling.updateModdleProperties(holder, process, { 'od:statutoryDays': days });
  }

  private reveal(elementId: string, scroll = true): void {
    const element = this.elementRegistry.get(elementId);
    if (!element) return;
    this.selection.select(element);
    if (scroll) this.canvas.scrollToElement(element);
  }

  private markSelection(): void {
    const selected = new Set(this.selection.get().map((element: any) => element.id));
    for (const row of this.container.querySelectorAll<HTMLElement>('tr[data-element-id]')) {
      row.classList.toggle('is-selected', selected.has(row.dataset.elementId!));
    }
  }

  private captureFocus(): { elementId?: string; processId?: string; field?: string } | null {
    const active = document.activeElement as HTMLElement | null;
    if (!active || !this.container.contains(active)) return null;
    return {
      elementId: active.closest<HTMLElement>('tr[data-element-id]')?.dataset.elementId,
      processId: active.closest<HTMLElement>('[data-process-id]')?.dataset.processId,
      field: active.dataset.field,
    };
  }

  /** Tabbing to the next cell commits the previous one, which redraws: keep the caret where it went. */
  private restoreFocus(focus: { elementId?: string; processId?: string; field?: string } | null): void {
    if (!focus?.field) return;
    const scope = focus.elementId
      ? this.container.querySelector(`tr[data-element-id="${CSS.escape(focus.elementId)}"]`)
      : this.container.querySelector(`[data-process-id="${CSS.escape(focus.processId ?? '')}"]`);
    scope?.querySelector<HTMLElement>(`[data-field="${focus.field}"]`)?.focus();
  }
}
