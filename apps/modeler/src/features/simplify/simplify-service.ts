import type { ApiClient } from '../../shared/api-client.js';
import { ApiError, type ElementProblem } from '../../shared/api-error.js';
import type { DeployProblems } from '../deploy/index.js';

/** A deployed process definition the modeler knows it has open. */
export interface DeployedDefinition {
  id: string;
  key: string;
  version: number;
}

/** `POST /api/process-definitions/{id}/simplify` 201 body. */
export interface Simplification {
  definition: DeployedDefinition;
  removed: string[];
  removedGateways: string[];
  reconnected: { from?: string; to?: string; [field: string]: unknown }[];
  warnings: string[];
}

export type SimplifyOutcome =
  | { kind: 'simplified'; result: Simplification }
  | { kind: 'rejected'; message: string; problems: ElementProblem[] }
  | { kind: 'unauthorized'; status: 401 | 403; message: string }
  | { kind: 'failed'; message: string };

/**
 * Asks the engine for a new version without the given steps. A refusal (a step that cannot be
 * bypassed, say) lands on the canvas through the deploy feature's DeployProblems, the same
 * markers and list as an engine refusal at deploy.
 */
export class SimplifyService {
  constructor(
    private readonly modeler: any,
    private readonly api: ApiClient,
  ) {}

  async simplify(definition: DeployedDefinition, removeElementIds: string[]): Promise<SimplifyOutcome> {
    const deployProblems: DeployProblems = this.modeler.get('deployProblems');
    deployProblems.clear();
    try {
      const result = await this.api.post<Simplification>(`/api/process-definitions/${encodeURIComponent(definition.id)}/simplify`, { removeElementIds });
      return { kind: 'simplified', result };
    } catch (error) {
      if (!(error instanceof ApiError)) return { kind: 'failed', message: String((error as Error).message) };
      if (error.status === 401 || error.status === 403) return { kind: 'unauthorized', status: error.status, message: error.message };
      if (error.status === 400 || error.details.length) {
        deployProblems.show(error.details.length ? error.details : [{ message: error.message }]);
        return { kind: 'rejected', message: error.message, problems: error.details };
      }
      return { kind: 'failed', message: error.message };
    }
  }
}

/** The steps the designer flagged `od:removalProposed` in the open diagram, in document order. */
export function flaggedSteps(modeler: any): { id: string; name: string }[] {
  const registry = modeler.get('elementRegistry');
  return registry
    .filter((element: any) => !element.labelTarget && element.businessObject?.get?.('od:removalProposed') === true)
    .map((element: any) => ({ id: element.id as string, name: (element.businessObject.name as string | undefined)?.trim() || element.id }));
}
