import { ALLOWANCE_TOLERANCE, countedAllowanceTotal } from '../../../shared/procedure/counted-allowance-total.js';
import { is } from '../../../shared/procedure/moddle-element.js';
import { lintMessage, type OdRuleConfig } from '../lint-messages.js';
import type { LintRuleFactory } from './rule-types.js';

/**
 * A published procedure's counted step allowances add up to its statutory time. Only a warning:
 * drafts are often unbalanced while being re-engineered, and the engine can still run them.
 */
export const statutoryDaysTotal: LintRuleFactory = (config?: OdRuleConfig) => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:Process')) return;
    const declared = node.get('od:statutoryDays');
    if (declared === undefined || declared === null || declared === '') return;
    const statutory = Number(declared);
    const total = countedAllowanceTotal(node);
    if (Math.abs(total - statutory) > ALLOWANCE_TOLERANCE) {
      reporter.report(node.id!, lintMessage('statutory-days-total', config, { total, statutory }), [
        'od:statutoryDays',
      ]);
    }
  },
});
