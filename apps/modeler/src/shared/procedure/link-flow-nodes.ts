/** The one implementation lives in libs/ (the re-engineering library needs it too). */
export { linkFlowNodes } from '../../../../../libs/bpmn-schema/src/link-flow-nodes.js';
