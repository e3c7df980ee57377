import type { ModdleElement } from '../../../shared/procedure/moddle-element.js';

/** The slice of bpmnlint's rule API our rules use (bpmnlint/lib/types.d.ts). */
export interface LintReporter {
  report(id: string, message: string, path?: string[]): void;
}

export interface LintRule {
  check(node: ModdleElement, reporter: LintReporter): void;
}

export type LintRuleFactory = (config?: any) => LintRule;
