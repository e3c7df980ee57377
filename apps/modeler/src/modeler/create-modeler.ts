import BpmnModeler from 'bpmn-js/lib/Modeler';
import { odModdleDescriptor } from '@onedoor/bpmn-schema';
import { deployModule } from '../features/deploy/index.js';
import { completeFlowReferencesModule, preserveUnrenderedDiModule } from '../features/files/index.js';
import { translateModule } from '../features/i18n/index.js';
import { bpmnlintRecommended, createLintConfig } from '../features/lint/index.js';
import { odPropertiesModule, type Department } from '../features/properties/index.js';
import { simplifyModule } from '../features/simplify/index.js';
import { stepTableModule } from '../features/step-table/index.js';
import type { Language } from '../shared/i18n.js';

export interface ModelerParts {
  canvas: HTMLElement;
  properties: HTMLElement;
  stepTable: HTMLElement;
  problems: HTMLElement;
  language: Language;
  loadDepartments: () => Promise<Department[]>;
  onProblemCount: (counts: { errors: number; warnings: number }) => void;
}

/** The bpmn-js Modeler with every OneDoor feature wired in. */
export function createModeler(parts: ModelerParts): BpmnModeler {
  return new BpmnModeler({
    container: parts.canvas,
    // diagram-js 15 binds shortcuts to the focusable canvas itself (`keyboard.bindTo` is gone);
    // the page adds the document-wide ones (see modeler-page.ts)
    keyboard: { bind: true },
    propertiesPanel: { parent: parts.properties },
    linting: { bpmnlint: createLintConfig(bpmnlintRecommended, parts.language), active: true },
    departmentDirectory: { load: parts.loadDepartments },
    stepTable: { parent: parts.stepTable },
    problemsPanel: { parent: parts.problems, onCount: parts.onProblemCount },
    moddleExtensions: { od: odModdleDescriptor as any },
    // each feature brings what it declares in `__depends__` (the properties panel, bpmnlint…)
    additionalModules: [
      translateModule,
      completeFlowReferencesModule,
      preserveUnrenderedDiModule,
      odPropertiesModule,
      stepTableModule,
      deployModule,
      simplifyModule,
    ],
  });
}
