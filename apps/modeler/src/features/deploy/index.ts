import { lintModule } from '../lint/index.js';
import { DeployProblems } from './deploy-problems.js';
import { ProblemsPanel } from './problems-panel.js';

export type { DeployProblems } from './deploy-problems.js';
export { DeployService, type DeployOutcome, type Deployment } from './deploy-service.js';

/**
 * bpmn-js module: engine refusals pinned on the canvas and the problems list. The list shows
 * the live lint results too, and a deploy lints first: it needs the lint feature's `linting`.
 */
export const deployModule = {
  __depends__: [lintModule],
  __init__: ['deployProblems', 'problemsPanel'],
  deployProblems: ['type', DeployProblems],
  problemsPanel: ['type', ProblemsPanel],
};
