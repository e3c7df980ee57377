import { checkFeelCondition } from '../../../shared/procedure/feel-condition.js';
import { is, type ModdleElement } from '../../../shared/procedure/moddle-element.js';
import { lintMessage, type LintMessageKey, type OdRuleConfig } from '../lint-messages.js';
import type { LintReporter, LintRuleFactory } from './rule-types.js';

/**
 * What the engine would refuse about the elements designers add beyond plain steps, caught
 * while drawing (docs/bpmn.md): a multi-instance step must say how many instances or over which
 * list; a department expression, a collection, a completion condition and a script must be
 * valid FEEL; scripts run in FEEL only; a business rule task names its decision and result.
 */
export const multiInstance: LintRuleFactory = (config?: OdRuleConfig) => ({
  check(node, reporter) {
    const loop: ModdleElement | undefined = node.loopCharacteristics;
    if (!is(node, 'bpmn:Activity') || !is(loop, 'bpmn:MultiInstanceLoopCharacteristics')) return;
    const zeebe = zeebeExtension(loop!, 'zeebe:loopCharacteristics');
    const collection: string | undefined = text(loop!.get('camunda:collection')) ?? text(zeebe?.inputCollection);
    const cardinality = text(loop!.loopCardinality?.body);
    if (!collection && !cardinality) return report(reporter, node, 'multi-instance-source', config);
    if (collection && /^\s*[$#]\{/.test(collection)) return report(reporter, node, 'multi-instance-juel', config, { expression: collection });
    for (const expression of [collection, cardinality, text(loop!.completionCondition?.body)]) {
      if (expression && checkFeelCondition(expression).problem === 'syntax') report(reporter, node, 'feel-expression', config, { expression });
    }
  },
});

export const departmentExpression: LintRuleFactory = (config?: OdRuleConfig) => ({
  check(node, reporter) {
    const department = text(node.get?.('od:department'));
    if (!department?.startsWith('=')) return;
    if (checkFeelCondition(department).problem) report(reporter, node, 'feel-expression', config, { expression: department });
  },
});

export const scriptInFeel: LintRuleFactory = (config?: OdRuleConfig) => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:ScriptTask')) return;
    const zeebe = zeebeExtension(node, 'zeebe:script');
    if (zeebe?.expression) return;
    const format = text(node.scriptFormat);
    if (!format || !/^feel$/i.test(format)) return report(reporter, node, 'script-feel-only', config, { format: format ?? '—' });
    const script = text(node.script);
    if (!script || checkFeelCondition(script).problem) report(reporter, node, 'feel-expression', config, { expression: script ?? '' });
  },
});

export const businessRuleDecision: LintRuleFactory = (config?: OdRuleConfig) => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:BusinessRuleTask') || text(node.get?.('od:handler'))) return;
    const zeebe = zeebeExtension(node, 'zeebe:calledDecision');
    const decision = text(node.get('camunda:decisionRef')) ?? text(zeebe?.decisionId);
    const result = text(node.get('camunda:resultVariable')) ?? text(zeebe?.resultVariable);
    if (!decision || !result) report(reporter, node, 'business-rule-decision', config);
  },
});

function zeebeExtension(element: ModdleElement, type: string): ModdleElement | undefined {
  return (element.extensionElements?.values ?? []).find((v: ModdleElement) => v.$type === type);
}

function report(reporter: LintReporter, node: ModdleElement, key: LintMessageKey, config: OdRuleConfig | undefined, values: Record<string, string> = {}): void {
  reporter.report(node.id!, lintMessage(key, config, values));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
