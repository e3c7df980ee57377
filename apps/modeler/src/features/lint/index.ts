import bpmnlintModule from 'bpmn-js-bpmnlint';

/** Linting a diagram as the designer draws: bpmnlint's recommended rules and ours, with Vietnamese messages. */
export { bpmnlintRecommended } from './bpmnlint-recommended.js';
export { createLintConfig } from './lint-config.js';

/**
 * bpmn-js module: live linting (`linting`, bpmn-js-bpmnlint's), configured by the page with
 * `linting: { bpmnlint: createLintConfig(…) }`. Features that read lint results depend on this.
 */
export const lintModule = bpmnlintModule;
