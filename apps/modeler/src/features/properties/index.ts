import { DepartmentDirectory } from './department-directory.js';
import { OdPropertiesProvider } from './od-properties-provider.js';

/** bpmn-js module: the organisation's departments (from the engine), for any feature that names them. */
export const departmentDirectoryModule = {
  __init__: ['departmentDirectory'],
  departmentDirectory: ['type', DepartmentDirectory],
};

/** bpmn-js module: the `od:` properties groups, with the department directory they use. */
export const odPropertiesModule = {
  __depends__: [departmentDirectoryModule],
  __init__: ['odPropertiesProvider'],
  odPropertiesProvider: ['type', OdPropertiesProvider],
};
