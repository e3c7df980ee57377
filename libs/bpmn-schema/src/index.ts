export { FORM_FIELD_TYPES, odModdleDescriptor, OD_NAMESPACE_URI } from './od-moddle-descriptor.js';
export type { FormFieldType, SupplementPolicy } from './od-moddle-descriptor.js';
export { readStepAttributes, hasDepartment, type StepAttributes, type StepElement } from './step-attributes.js';
export { loopDepartments } from './loop-departments.js';
export { linkFlowNodes } from './link-flow-nodes.js';
