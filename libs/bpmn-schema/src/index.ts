export { odModdleDescriptor, OD_NAMESPACE_URI } from './od-moddle-descriptor.js';
export type { SupplementPolicy } from './od-moddle-descriptor.js';
export { readStepAttributes, hasDepartment, type StepAttributes, type StepElement } from './step-attributes.js';
