import type { ApiClient } from '../../shared/api-client.js';
import { ApiError, type ElementProblem } from '../../shared/api-error.js';
import type { DeployProblems } from './deploy-problems.js';

/** `POST /api/deployments` 201 body (docs/api.md). */
export interface Deployment {
  id: string;
  name: string;
  deployedAt: string;
  /** `isNew: false`: a byte-identical redeploy, the engine kept the existing version. */
  processDefinitions: { id: string; key: string; version: number; name?: string; isNew?: boolean }[];
}

export type DeployOutcome =
  | { kind: 'deployed'; deployment: Deployment }
  | { kind: 'blocked'; errors: number }
  | { kind: 'rejected'; message: string; problems: ElementProblem[] }
  | { kind: 'unauthorized'; status: 401 | 403; message: string }
  | { kind: 'failed'; message: string };

/**
 * One-button deploy: lint first (errors block, warnings don't), then send the XML to the
 * engine; an element-level refusal lands on the canvas through DeployProblems.
 */
export class DeployService {
  constructor(
    private readonly modeler: any,
    private readonly api: ApiClient,
  ) {}

  async deploy(name: string): Promise<DeployOutcome> {
    const deployProblems: DeployProblems = this.modeler.get('deployProblems');
    const linting = this.modeler.get('linting');
    deployProblems.clear();

    const issues: Record<string, { category: string }[]> = await linting.lint();
    const errors = Object.values(issues).flat().filter((issue) => issue.category === 'error').length;
    if (errors > 0) {
      // make sure the designer sees where: turn the canvas markers on
      linting.toggle(true);
      return { kind: 'blocked', errors };
    }

    const { xml } = await this.modeler.saveXML({ format: true });
    try {
      const deployment = await this.api.post<Deployment>('/api/deployments', { name, bpmnXml: xml });
      return { kind: 'deployed', deployment };
    } catch (error) {
      if (!(error instanceof ApiError)) return { kind: 'failed', message: String((error as Error).message) };
      if (error.status === 401 || error.status === 403) {
        return { kind: 'unauthorized', status: error.status, message: error.message };
      }
      if (error.status === 400 || error.status === 413 || error.details.length) {
        deployProblems.show(error.details.length ? error.details : [{ message: error.message }]);
        return { kind: 'rejected', message: error.message, problems: error.details };
      }
      return { kind: 'failed', message: error.message };
    }
  }
}
