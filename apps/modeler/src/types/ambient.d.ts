// Libraries without type declarations (bpmn.io publishes these as plain JS).
declare module 'bpmn-js-properties-panel';
declare module '@bpmn-io/properties-panel';
declare module 'bpmn-js-bpmnlint';
declare module 'bpmnlint/config/recommended.js';
declare module 'bpmnlint/rules/*';
declare module '*.css';
