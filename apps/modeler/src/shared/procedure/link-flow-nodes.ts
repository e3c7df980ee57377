/** The one implementation lives in libs/ (the re-engineering library needs it too). */
export { linkFlowNodes } from '@onedoor/bpmn-schema';
