import type { Language } from '../../shared/i18n.js';
import { exemptReminderTimers } from './rules/reminder-timer-exemption.js';
import { feelCondition } from './rules/feel-condition.js';
import { removalReason } from './rules/removal-reason.js';
import type { LintRuleFactory } from './rules/rule-types.js';
import { statutoryDaysTotal } from './rules/statutory-days-total.js';
import { stepAllowance } from './rules/step-allowance.js';
import { stepDepartment } from './rules/step-department.js';
import { businessRuleDecision, departmentExpression, multiInstance, scriptInFeel } from './rules/executable-bpmn.js';

/** `od/<rule>` in a config resolves to this package name (bpmnlint's plugin naming). */
export const OD_PLUGIN_PACKAGE = 'bpmnlint-plugin-od';

const OD_RULES: Record<string, LintRuleFactory> = {
  'step-department': stepDepartment,
  'step-allowance': stepAllowance,
  'statutory-days-total': statutoryDaysTotal,
  'removal-reason': removalReason,
  'feel-condition': feelCondition,
  'multi-instance': multiInstance,
  'department-expression': departmentExpression,
  'script-feel': scriptInFeel,
  'business-rule-decision': businessRuleDecision,
};

/** Rules that would flag a reminder timer without outgoing flow (see reminder-timer-exemption.ts). */
const REMINDER_SENSITIVE_RULES = new Set(['no-disconnected', 'no-implicit-end']);

/** What the linter needs from the bpmnlint package: its recommended config and rule factories. */
export interface BpmnlintPackage {
  config: { rules: Record<string, unknown> };
  rules: Record<string, LintRuleFactory>;
}

export interface BpmnlintConfig {
  config: { extends?: string | string[]; rules: Record<string, unknown> };
  resolver: {
    resolveRule(pkg: string, ruleName: string): LintRuleFactory | undefined;
    resolveConfig(pkg: string, configName: string): unknown;
  };
}

/**
 * `{ config, resolver }` for bpmnlint and bpmn-js-bpmnlint: the recommended rules, adjusted to
 * our dialect, plus the `od/` rules. Errors block a deploy, warnings are shown only.
 */
export function createLintConfig(bpmnlint: BpmnlintPackage, lang: Language = 'vi'): BpmnlintConfig {
  const odOptions = { lang };
  return {
    config: {
      extends: 'bpmnlint:recommended',
      rules: {
        // Unnamed end events, boundary timers and merge gateways are normal in published
        // procedures and harmless to run; a missing name should not stop a deploy.
        'label-required': 'warn',
        // The engine runs inclusive gateways (docs/bpmn.md); nothing to discourage.
        'no-inclusive-gateway': 'off',
        // "Return to the previous step" loops merge into the review gateway that also decides:
        // the engine executes a gateway that joins and forks, so this is style, not an error.
        'no-gateway-join-fork': 'warn',
        // Procedures written by hand or generated (processes/, API deploys) may lack diagram
        // layout; the engine doesn't need it, the modeler lays nothing out from it either way.
        'no-bpmndi': 'warn',
        'od/step-department': ['error', odOptions],
        'od/step-allowance': ['error', odOptions],
        'od/statutory-days-total': ['warn', odOptions],
        'od/removal-reason': ['error', odOptions],
        'od/feel-condition': ['error', odOptions],
        'od/multi-instance': ['error', odOptions],
        'od/department-expression': ['error', odOptions],
        'od/script-feel': ['error', odOptions],
        'od/business-rule-decision': ['error', odOptions],
      },
    },
    resolver: {
      resolveRule(pkg, ruleName) {
        if (pkg === 'bpmnlint') {
          const rule: LintRuleFactory | undefined = bpmnlint.rules[ruleName];
          if (rule === undefined) return undefined;
          return REMINDER_SENSITIVE_RULES.has(ruleName) ? exemptReminderTimers(rule) : rule;
        }
        if (pkg === OD_PLUGIN_PACKAGE) return OD_RULES[ruleName];
        return undefined;
      },
      resolveConfig(pkg, configName) {
        if (pkg === 'bpmnlint' && configName === 'recommended') return bpmnlint.config;
        throw new Error(`unknown lint config <${pkg}:${configName}>`);
      },
    },
  };
}
