import type { DossierFile, DossierFiles, ReusableOffer } from '@onedoor/contract';
import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { formatDateTime } from '../../shared/date-time.js';
import { DossierFilesApi } from '../api/dossier-files-api.js';
import { describeApiError } from '../format/api-message.js';
import { hasRole, type TasklistContext } from '../shell/tasklist-context.js';

const ACCEPT = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';

/**
 * The dossier's documents as the engine keeps them (issue #23): each component the procedure
 * asks for with its scanned files — open in the browser or download — and, for the desk and
 * the departments while the dossier is open, an upload per component and the applicant's
 * earlier papers offered for reuse; the result, attached at the step that returns it.
 */
export function createDossierFilesCard(ctx: TasklistContext, code: string, options: { finished: boolean }): HTMLElement {
  const t = i18n.t;
  const api = new DossierFilesApi(ctx.api.client);
  const body = h('div', { className: 'od-files-body' }, h('p', { className: 'od-muted', 'aria-busy': 'true' }, t('Loading…')));
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const card = h('section', { className: 'od-card od-dossier-files', 'data-testid': 'dossier-files', 'data-dossier-code': code }, h('h2', {}, t('Dossier documents (digitised)')), error, body);
  const mayWork = hasRole(ctx.user, 'reception', 'officer', 'leader', 'admin');
  // A processed dossier's components are closed; its result is attached after processing, at the return step.
  const mayChange = !options.finished && mayWork;

  const load = async () => {
    try {
      const [files, offers] = await Promise.all([api.list(code), mayChange ? api.reusable(code).catch(() => [] as ReusableOffer[]) : Promise.resolve([] as ReusableOffer[])]);
      body.replaceChildren(...render(files, offers));
      card.dataset.state = 'ready';
    } catch (err) {
      if (ctx.handleCommonError(err)) return;
      body.replaceChildren(h('p', { className: 'od-muted' }, describeApiError(err)));
    }
  };

  const act = async (button: HTMLButtonElement, work: () => Promise<unknown>, success: string) => {
    button.disabled = true;
    error.textContent = '';
    try {
      await work();
      ctx.flash(success, 'success');
      await load();
    } catch (err) {
      if (ctx.handleCommonError(err)) return;
      error.textContent = describeApiError(err);
      button.disabled = false;
    }
  };

  const fileRow = (file: DossierFile) =>
    h(
      'li',
      { 'data-file-id': file.id, className: 'od-file' },
      h('span', { className: 'od-file-name' }, file.fileName),
      h('span', { className: 'od-muted' }, ` · ${size(file.sizeBytes)} · ${formatDateTime(file.addedAt)}`),
      file.reused ? h('span', { className: 'od-chip', 'data-field': 'reused' }, t('reused from dossier {code}', { code: file.reusedFromDossier ?? '' })) : null,
      ' ',
      h('button', { type: 'button', className: 'od-link-button', 'data-action': 'view-file', onclick: (e: Event) => void view(e.currentTarget as HTMLButtonElement, file) }, t('View')),
      ' ',
      h('button', { type: 'button', className: 'od-link-button', 'data-action': 'download-file', onclick: (e: Event) => void save(e.currentTarget as HTMLButtonElement, file) }, t('Download')),
    );

  const picker = (label: string, action: string, send: (file: File) => Promise<unknown>, success: string) => {
    const input = h('input', { type: 'file', accept: ACCEPT, 'aria-label': label, name: action });
    const button = h('button', { type: 'button', className: 'od-button', 'data-action': action }, label);
    button.addEventListener('click', () => {
      const file = input.files?.[0];
      if (!file) {
        error.textContent = t('Choose a PDF, PNG or JPEG file first.');
        return;
      }
      void act(button, () => send(file), success);
    });
    return h('div', { className: 'od-upload' }, input, button);
  };

  const render = (files: DossierFiles, offers: ReusableOffer[]): HTMLElement[] => {
    const components = files.components.length
      ? h(
          'ul',
          { className: 'od-component-files' },
          files.components.map((component) => {
            const offer = offers.find((o) => o.componentId === component.id);
            return h(
              'li',
              { 'data-component-id': component.id, 'data-files': String(component.files.length) },
              h('strong', {}, component.name),
              component.required ? h('span', { className: 'od-muted' }, ` (${t('required')})`) : null,
              component.copies ? h('span', { className: 'od-muted' }, ` · ${component.copies}`) : null,
              component.files.length ? h('ul', { className: 'od-files' }, component.files.map(fileRow)) : h('p', { className: 'od-muted od-no-file' }, t('Not digitised yet')),
              offer && mayChange
                ? h(
                    'div',
                    { className: 'od-reuse', 'data-testid': 'reuse-offer' },
                    h('span', {}, t('The applicant handed this in before:')),
                    offer.files.map((f) => {
                      const button = h('button', { type: 'button', className: 'od-button', 'data-action': 'reuse-file', 'data-file-id': f.id }, t('Reuse {file} (dossier {code})', { file: f.fileName, code: f.dossierCode }));
                      button.addEventListener('click', () => void act(button, () => api.reuse(code, component.id, f.id), t('The earlier file was attached to this dossier.')));
                      return button;
                    }),
                  )
                : null,
              mayChange ? picker(t('Upload'), 'upload-file', (file) => api.upload(code, component.id, file), t('The file was uploaded.')) : null,
            );
          }),
        )
      : h('p', { className: 'od-muted' }, t('The procedure declares no dossier components.'));
    const result = h(
      'div',
      { className: 'od-result-file', 'data-testid': 'result-file' },
      h('h3', {}, t('Result of the procedure')),
      files.result
        ? h('ul', { className: 'od-files' }, fileRow(files.result), h('li', { className: 'od-muted' }, t('Returned electronically: the applicant downloads it on the public lookup page with a one-time code.')))
        : h('p', { className: 'od-muted' }, t('No electronic result yet.')),
      files.resultStepTaskId && !files.result && mayWork
        ? picker(t('Attach the result'), 'attach-result', (file) => api.attachResult(files.resultStepTaskId!, file), t('The result was attached; the applicant can download it once it is returned.'))
        : null,
    );
    return [components, result];
  };

  async function fetchBlob(button: HTMLButtonElement, file: DossierFile): Promise<string | null> {
    error.textContent = '';
    button.disabled = true;
    try {
      return URL.createObjectURL(await api.content(code, file.id));
    } catch (err) {
      if (!ctx.handleCommonError(err)) error.textContent = describeApiError(err);
      return null;
    } finally {
      button.disabled = false;
    }
  }

  // A new tab on the file's bytes: the browser shows PDFs and images itself.
  async function view(button: HTMLButtonElement, file: DossierFile): Promise<void> {
    const url = await fetchBlob(button, file);
    if (!url) return;
    const opened = window.open(url, '_blank');
    if (!opened) download(url, file.fileName);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async function save(button: HTMLButtonElement, file: DossierFile): Promise<void> {
    const url = await fetchBlob(button, file);
    if (!url) return;
    download(url, file.fileName);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  void load();
  return card;
}

function download(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
