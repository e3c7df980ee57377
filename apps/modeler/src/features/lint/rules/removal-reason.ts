import { is } from '../../../shared/procedure/moddle-element.js';
import { readStepAttributes } from '../../../shared/procedure/step-attributes.js';
import { lintMessage, type OdRuleConfig } from '../lint-messages.js';
import type { LintRuleFactory } from './rule-types.js';

/** Cutting a step must be justified in the re-engineering report, so the reason is required. */
export const removalReason: LintRuleFactory = (config?: OdRuleConfig) => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:FlowNode')) return;
    const { removalProposed, removalReason } = readStepAttributes(node);
    if (removalProposed && !removalReason) {
      reporter.report(node.id!, lintMessage('removal-reason', config), ['od:removalReason']);
    }
  },
});
