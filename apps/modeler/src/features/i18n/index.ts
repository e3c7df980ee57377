/** bpmn-js in Vietnamese: the translate module and its tables (bpmn-js's own strings and ours). */
export { translateModule } from './translate-module.js';
export { viBpmnJs } from './vi-bpmn-js.js';
export { viOnedoor } from './vi-onedoor.js';
