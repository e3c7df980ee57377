import type { ApiClient } from '../../shared/api-client.js';
import { ApiError } from '../../shared/api-error.js';
import { h } from '../../shared/dom.js';
import { formatDateTime } from '../../shared/date-time.js';
import { i18n } from '../../shared/i18n.js';
import { downloadFromApi } from '../../shared/download-from-api.js';

/** A process definition as `GET /api/process-definitions` lists it (Camunda 7 shape). */
export interface ProcessDefinitionSummary {
  id: string;
  key: string;
  version: number;
  name?: string;
  deployedAt?: string;
  deploymentId?: string;
}

/**
 * Lists every deployed version (newest first within a procedure) and resolves with the XML of
 * the one picked, or null when cancelled.
 */
export async function pickDeployedVersion(api: ApiClient): Promise<{ definition: ProcessDefinitionSummary; bpmnXml: string } | null> {
  const t = i18n.t;
  const definitions = await api.get<ProcessDefinitionSummary[]>('/api/process-definitions');
  const sorted = [...(Array.isArray(definitions) ? definitions : [])].sort(
    (a, b) => a.key.localeCompare(b.key) || b.version - a.version,
  );

  return new Promise((resolve) => {
    const dialog = h('dialog', { className: 'od-dialog od-versions-dialog' });
    const status = h('p', { className: 'od-form-error', role: 'alert' });
    const close = (result: { definition: ProcessDefinitionSummary; bpmnXml: string } | null) => {
      dialog.close();
      dialog.remove();
      resolve(result);
    };
    const open = async (definition: ProcessDefinitionSummary) => {
      status.textContent = '';
      try {
        const { bpmnXml } = await api.get<{ id: string; bpmnXml: string }>(`/api/process-definitions/${encodeURIComponent(definition.id)}/xml`);
        close({ definition, bpmnXml });
      } catch (error) {
        status.textContent = error instanceof ApiError ? error.message : String(error);
      }
    };
    const annex = async (definition: ProcessDefinitionSummary) => {
      status.textContent = '';
      try {
        await downloadFromApi(`/api/process-definitions/${encodeURIComponent(definition.id)}/annex?format=docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', `phu-luc-${definition.key}-v${definition.version}.docx`);
      } catch (error) {
        status.textContent = error instanceof ApiError ? error.message : String(error);
      }
    };
    const rows = sorted.map((definition) =>
      h(
        'tr',
        { 'data-definition-id': definition.id },
        h('td', {}, definition.name ?? ''),
        h('td', {}, definition.key),
        h('td', { className: 'od-col-number' }, `v${definition.version}`),
        h('td', {}, formatDateTime(definition.deployedAt)),
        h(
          'td',
          {},
          h('button', { type: 'button', className: 'od-button', onclick: () => open(definition) }, t('Open')),
          ' ',
          // The procedure as the annex its decision publishes (steps, units, times), for the drafters.
          h('button', { type: 'button', className: 'od-button', 'data-action': 'annex-docx', onclick: () => void annex(definition) }, t('Annex (DOCX)')),
        ),
      ),
    );
    dialog.append(
      h('h2', {}, t('Open a deployed version')),
      sorted.length
        ? h(
            'div',
            { className: 'od-dialog-scroll' },
            h(
              'table',
              { className: 'od-versions' },
              h('thead', {}, h('tr', {}, h('th', {}, t('Name')), h('th', {}, t('Key')), h('th', {}, t('Version')), h('th', {}, t('Deployed at')), h('th', {}))),
              h('tbody', {}, rows),
            ),
          )
        : h('p', {}, t('Nothing has been deployed yet.')),
      status,
      h('div', { className: 'od-form-actions' }, h('button', { type: 'button', className: 'od-button', onclick: () => close(null) }, t('Close'))),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(null);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
