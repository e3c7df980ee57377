import { is } from '../../../shared/procedure/moddle-element.js';
import { readStepAttributes } from '../../../shared/procedure/step-attributes.js';
import { lintMessage, type OdRuleConfig } from '../lint-messages.js';
import type { LintRuleFactory } from './rule-types.js';

/** A user task lands in a department's inbox: without one (own or lane's) nobody ever sees it. */
export const stepDepartment: LintRuleFactory = (config?: OdRuleConfig) => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) return;
    if (!readStepAttributes(node).hasDepartment) {
      reporter.report(node.id!, lintMessage('step-department', config), ['od:department']);
    }
  },
});
