/** Linting a diagram as the designer draws: bpmnlint's recommended rules and ours, with Vietnamese messages. */
export { bpmnlintRecommended } from './bpmnlint-recommended.js';
export { createLintConfig } from './lint-config.js';
