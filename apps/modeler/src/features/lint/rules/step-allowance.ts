import { is } from '../../../shared/procedure/moddle-element.js';
import { readStepAttributes } from '../../../shared/procedure/step-attributes.js';
import { lintMessage, type OdRuleConfig } from '../lint-messages.js';
import type { LintRuleFactory } from './rule-types.js';

/**
 * Every counted user task needs its allowance: the engine turns it into the step's due time.
 * A step not counted in the statutory time (returning the result) is published without one.
 */
export const stepAllowance: LintRuleFactory = (config?: OdRuleConfig) => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) return;
    const { allowanceDays, counted } = readStepAttributes(node);
    if (allowanceDays === undefined) {
      if (counted) reporter.report(node.id!, lintMessage('step-allowance', config), ['od:allowanceDays']);
    } else if (allowanceDays < 0) {
      reporter.report(node.id!, lintMessage('step-allowance-negative', config, { days: allowanceDays }), [
        'od:allowanceDays',
      ]);
    }
  },
});
