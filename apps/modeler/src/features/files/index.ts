/** Opening, saving and versioning diagrams: files on disk, deployed versions, a new diagram, and the DI kept intact. */
export { completeFlowReferencesModule } from './complete-flow-references.js';
export { preserveUnrenderedDiModule } from './preserve-unrendered-di.js';
export { pickDeployedVersion } from './deployed-versions-dialog.js';
export { baseName, downloadText, pickBpmnFile } from './file-io.js';
export { createNewDiagramXml } from './new-diagram.js';
