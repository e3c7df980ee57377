import { checkFeelCondition } from '../../../shared/procedure/feel-condition.js';
import { is } from '../../../shared/procedure/moddle-element.js';
import { lintMessage, type OdRuleConfig } from '../lint-messages.js';
import type { LintRuleFactory } from './rule-types.js';

/** Conditions are FEEL (optional leading `=`): a typo would only show up as a stuck dossier. */
export const feelCondition: LintRuleFactory = (config?: OdRuleConfig) => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:SequenceFlow') || !node.conditionExpression) return;
    const body = node.conditionExpression.body;
    // an empty condition is bpmnlint's `conditional-flows` business, not a syntax error
    if (typeof body !== 'string' || !body.trim()) return;
    const { expression, problem, at } = checkFeelCondition(body);
    if (problem === 'syntax') {
      reporter.report(node.id!, lintMessage('feel-condition-syntax', config, { at: at ?? 0, expression }), [
        'conditionExpression',
      ]);
    } else if (problem === 'doubled-comparison') {
      reporter.report(node.id!, lintMessage('feel-condition-doubled', config, { expression }), ['conditionExpression']);
    }
  },
});
