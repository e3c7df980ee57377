import { is, type ModdleElement } from '../../../shared/procedure/moddle-element.js';
import type { LintRule, LintRuleFactory } from './rule-types.js';

/**
 * In our procedures a non-interrupting timer on a step ("nhắc hạn", docs/bpmn.md) may have no
 * outgoing flow: the engine raises the reminder itself. bpmnlint would call it disconnected or
 * an implicit end; this wrapper skips those events and leaves the rule as is for the rest.
 */
export function exemptReminderTimers(factory: LintRuleFactory): LintRuleFactory {
  return (config) => {
    const rule: LintRule = factory(config);
    return {
      ...rule,
      check(node, reporter) {
        if (isReminderTimer(node)) return;
        rule.check(node, reporter);
      },
    };
  };
}

function isReminderTimer(node: ModdleElement): boolean {
  return (
    is(node, 'bpmn:BoundaryEvent') &&
    node.cancelActivity === false &&
    (node.eventDefinitions ?? []).some((definition: ModdleElement) => is(definition, 'bpmn:TimerEventDefinition'))
  );
}
