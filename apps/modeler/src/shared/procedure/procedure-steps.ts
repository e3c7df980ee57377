import { orderFlowNodes } from './flow-order.js';
import { is, type ModdleElement } from './moddle-element.js';

/**
 * The steps of a procedure as agencies publish them, in flow order: user and manual tasks, and
 * any other activity given a time allowance. An embedded sub-process stands for its own steps
 * (numbered in place); only a sub-process without inner steps but with an allowance is a step
 * itself, so allowances are never counted twice.
 */
export function collectSteps(container: ModdleElement): ModdleElement[] {
  const steps: ModdleElement[] = [];
  for (const node of orderFlowNodes(container)) {
    if (is(node, 'bpmn:SubProcess')) {
      const inner = collectSteps(node);
      if (inner.length) steps.push(...inner);
      else if (hasAllowance(node)) steps.push(node);
    } else if (isStepNode(node)) {
      steps.push(node);
    }
  }
  return steps;
}

function isStepNode(node: ModdleElement): boolean {
  if (is(node, 'bpmn:UserTask') || is(node, 'bpmn:ManualTask')) return true;
  return is(node, 'bpmn:Activity') && hasAllowance(node);
}

function hasAllowance(node: ModdleElement): boolean {
  const value = node.get('od:allowanceDays');
  return value !== undefined && value !== null && value !== '';
}
