import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { DeployService } from '../features/deploy/index.js';
import { baseName, createNewDiagramXml, downloadText, pickDeployedVersion } from '../features/files/index.js';
import { simplifyOpenProcedure, type DeployedDefinition } from '../features/simplify/index.js';
import type { DepartmentDirectory } from '../features/properties/index.js';
import type { ApiClient } from '../shared/api-client.js';
import { ApiError } from '../shared/api-error.js';
import { i18n } from '../shared/i18n.js';
import { showLoginDialog } from '../shared/login-dialog.js';

export type StatusKind = 'info' | 'success' | 'error';

const DRAFT_STORAGE_KEY = 'onedoor.modeler.draft';

/**
 * What the toolbar and shortcuts do with the diagram: files, versions, undo/redo, deploy.
 * Holds the document name (used for downloads and as the deployment name) and whether there
 * are unsaved changes.
 */
export class ModelerApp {
  documentName = '';
  dirty = false;
  /** The engine's version this diagram is (opened from the engine or just deployed): what "simplify" starts from. */
  deployed: DeployedDefinition | null = null;
  changedSinceDeploy = false;
  private readonly deployService: DeployService;

  constructor(
    readonly modeler: BpmnModeler,
    private readonly api: ApiClient,
    private readonly report: (kind: StatusKind, message: string) => void,
    private readonly onSessionChange: () => void,
  ) {
    this.deployService = new DeployService(modeler, api);
    const eventBus: any = modeler.get('eventBus');
    eventBus.on('commandStack.changed', (event: any) => {
      if (event.trigger !== 'clear') this.dirty = this.changedSinceDeploy = true;
    });
  }

  /** Opens the diagram stashed before a language switch, else a new one. */
  async start(): Promise<void> {
    const draft = readDraft();
    if (draft) {
      await this.openXml(draft.xml, draft.name, { quiet: true, deployed: draft.deployed });
      this.dirty = draft.dirty;
      this.changedSinceDeploy = draft.changedSinceDeploy ?? false;
    } else {
      await this.newDiagram(true);
    }
  }

  async newDiagram(force = false): Promise<void> {
    if (!force && !this.confirmDiscard()) return;
    const t = i18n.t;
    const xml = createNewDiagramXml({ process: t('New procedure'), start: t('Start'), end: t('End') });
    await this.openXml(xml, '', { quiet: true });
    this.documentName = this.processId() ?? 'quy-trinh';
  }

  async openXml(xml: string, name: string, options: { quiet?: boolean; deployed?: DeployedDefinition | null } = {}): Promise<boolean> {
    const t = i18n.t;
    try {
      const { warnings } = await this.modeler.importXML(xml);
      this.documentName = baseName(name || this.processId() || 'quy-trinh');
      this.dirty = this.changedSinceDeploy = false;
      this.deployed = options.deployed ?? null;
      (this.modeler.get('canvas') as any).zoom('fit-viewport', 'auto');
      if (warnings.length) {
        this.report('info', t('Opened with {count} warnings: {first}', { count: warnings.length, first: String((warnings[0] as any)?.message ?? warnings[0]) }));
      } else if (!options.quiet) {
        this.report('success', t('Opened {name}.', { name: name || this.documentName }));
      }
      return true;
    } catch (error) {
      this.report('error', t('Could not open {name}: {message}', { name: name || '', message: (error as Error).message }));
      return false;
    }
  }

  async openFile(file: { name: string; text: string }): Promise<boolean> {
    if (!this.confirmDiscard()) return false;
    return this.openXml(file.text, file.name);
  }

  async openDeployed(): Promise<void> {
    const t = i18n.t;
    if (!this.confirmDiscard()) return;
    try {
      const picked = await this.withLogin(() => pickDeployedVersion(this.api));
      if (!picked) return;
      const { definition, bpmnXml } = picked;
      if (await this.openXml(bpmnXml, `${definition.key}-v${definition.version}`, { quiet: true, deployed: definition })) {
        this.report('success', t('Opened {key} version {version} from the engine.', { key: definition.key, version: definition.version }));
      }
    } catch (error) {
      this.report('error', t('Could not load the deployed versions: {message}', { message: (error as Error).message }));
    }
  }

  async downloadBpmn(): Promise<void> {
    const { xml } = await this.modeler.saveXML({ format: true });
    downloadText(`${this.documentName || 'quy-trinh'}.bpmn`, xml!, 'application/bpmn20-xml');
    this.dirty = false;
  }

  async downloadSvg(): Promise<void> {
    const { svg } = await this.modeler.saveSVG();
    downloadText(`${this.documentName || 'quy-trinh'}.svg`, svg, 'image/svg+xml');
  }

  undo(): void {
    (this.modeler.get('commandStack') as any).undo();
  }

  redo(): void {
    (this.modeler.get('commandStack') as any).redo();
  }

  async deploy(): Promise<void> {
    const t = i18n.t;
    this.report('info', t('Checking and deploying…'));
    let outcome = await this.deployService.deploy(this.deploymentName());
    if (outcome.kind === 'unauthorized' && outcome.status === 401) {
      const user = await showLoginDialog(this.api, t('Log in with an account allowed to deploy.'));
      if (!user) return this.report('error', t('Log in with an account allowed to deploy.'));
      this.afterLogin();
      outcome = await this.deployService.deploy(this.deploymentName());
    }
    switch (outcome.kind) {
      case 'deployed': {
        const [definition] = outcome.deployment.processDefinitions ?? [];
        if (definition) {
          this.deployed = { id: definition.id, key: definition.key, version: definition.version };
          this.changedSinceDeploy = false;
        }
        this.report(
          'success',
          !definition
            ? t('Deployed.')
            : definition.isNew === false
              ? t('Unchanged: {key} version {version} is identical, no new version made.', { key: definition.key, version: definition.version })
              : t('Deployed {key} version {version}.', { key: definition.key, version: definition.version }),
        );
        break;
      }
      case 'blocked':
        this.report('error', t('Not deployed: {count} errors to fix first (see Problems).', { count: outcome.errors }));
        break;
      case 'rejected':
        this.report('error', t('The engine refused the procedure: {message}', { message: outcome.message }));
        break;
      case 'unauthorized':
        this.report('error', outcome.status === 403 ? t('Your account may not deploy procedures.') : t('Log in with an account allowed to deploy.'));
        break;
      default:
        this.report('error', t('Deploy failed: {message}', { message: outcome.message }));
    }
  }

  /** "Rút gọn quy trình": a new version of the deployed procedure without the flagged steps. */
  async simplify(): Promise<void> {
    await simplifyOpenProcedure({
      modeler: this.modeler,
      api: this.api,
      deployed: this.deployed,
      changedSinceDeploy: this.changedSinceDeploy,
      report: this.report,
      login: async (reason) => {
        if (!(await showLoginDialog(this.api, reason))) return false;
        this.afterLogin();
        return true;
      },
      openDefinition: (definition) => this.openDefinition(definition),
    });
  }

  /** Opens a deployed version by id, e.g. the one a simplification just made. */
  async openDefinition(definition: DeployedDefinition): Promise<void> {
    if (!this.confirmDiscard()) return;
    try {
      const { bpmnXml } = await this.api.get<{ id: string; bpmnXml: string }>(`/api/process-definitions/${encodeURIComponent(definition.id)}/xml`);
      if (await this.openXml(bpmnXml, `${definition.key}-v${definition.version}`, { quiet: true, deployed: definition })) {
        this.report('success', i18n.t('Opened {key} version {version} from the engine.', { key: definition.key, version: definition.version }));
      }
    } catch (error) {
      this.report('error', i18n.t('Could not load the deployed versions: {message}', { message: (error as Error).message }));
    }
  }

  /** After a login the department directory can load, and the toolbar shows the user. */
  afterLogin(): void {
    (this.modeler.get('departmentDirectory') as DepartmentDirectory).reload();
    this.onSessionChange();
  }

  /** Keeps the open diagram across the reload a language switch does. */
  async stashDraft(): Promise<void> {
    const { xml } = await this.modeler.saveXML({ format: true });
    try {
      sessionStorage.setItem(
        DRAFT_STORAGE_KEY,
        JSON.stringify({ xml, name: this.documentName, dirty: this.dirty, deployed: this.deployed, changedSinceDeploy: this.changedSinceDeploy }),
      );
    } catch {
      // storage full or disabled: the switch simply starts over
    }
  }

  private async withLogin<T>(action: () => Promise<T>): Promise<T | null> {
    try {
      return await action();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      if (!(await showLoginDialog(this.api))) return null;
      this.afterLogin();
      return action();
    }
  }

  private confirmDiscard(): boolean {
    return !this.dirty || window.confirm(i18n.t('Discard the unsaved changes?'));
  }

  private processId(): string | undefined {
    const definitions: any = this.modeler.getDefinitions();
    return definitions?.rootElements?.find((element: any) => element.$type === 'bpmn:Process')?.id;
  }

  private deploymentName(): string {
    const definitions: any = this.modeler.getDefinitions();
    const process = definitions?.rootElements?.find((element: any) => element.$type === 'bpmn:Process' && element.isExecutable);
    return process?.name || this.documentName || process?.id || 'quy-trinh';
  }
}

function readDraft(): { xml: string; name: string; dirty: boolean; deployed?: DeployedDefinition | null; changedSinceDeploy?: boolean } | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_STORAGE_KEY);
    sessionStorage.removeItem(DRAFT_STORAGE_KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}
