import { DeployProblems } from './deploy-problems.js';
import { ProblemsPanel } from './problems-panel.js';

/** bpmn-js module: engine refusals pinned on the canvas and the problems list. */
export const deployModule = {
  __init__: ['deployProblems', 'problemsPanel'],
  deployProblems: ['type', DeployProblems],
  problemsPanel: ['type', ProblemsPanel],
};
