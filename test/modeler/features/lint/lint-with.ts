import { createRequire } from 'node:module';
import { jest } from '@jest/globals';
import * as minDash from 'min-dash';
import { createLintConfig } from '../../../../apps/modeler/src/features/lint/lint-config.js';
import { linkFlowNodes } from '../../../../apps/modeler/src/shared/procedure/link-flow-nodes.js';
import type { ModdleElement } from '../../../../apps/modeler/src/shared/procedure/moddle-element.js';

/**
 * bpmnlint is CommonJS requiring the ESM-only min-dash: node and Vite load that, Jest's
 * CommonJS side cannot. So min-dash, loaded through Jest's ESM side, is handed to those
 * requires as a module mock, before the modeler's own rule list is imported; the linter and
 * the rules are otherwise exactly what the browser runs.
 */
jest.mock('min-dash', () => minDash);
const { Linter } = createRequire(import.meta.url)('bpmnlint');
const { bpmnlintRecommended } = await import('../../../../apps/modeler/src/features/lint/bpmnlint-recommended.js');

export { bpmnlintRecommended };

export interface Issue {
  rule: string;
  id: string;
  message: string;
  category: string;
}

/**
 * Lints a parsed diagram as the modeler does (flow node references completed on import, the
 * modeler's `{ config, resolver }`); `rules` narrows the config to the rules a spec is about.
 */
export async function lintWith(
  definitions: ModdleElement,
  options: { rules?: Record<string, unknown>; lang?: 'vi' | 'en' } = {},
): Promise<Issue[]> {
  linkFlowNodes(definitions);
  const lang = options.lang ?? 'vi';
  const { config, resolver } = createLintConfig(bpmnlintRecommended, lang);
  const narrowed = options.rules && {
    rules: Object.fromEntries(
      Object.entries(options.rules).map(([name, category]) => [name, name.startsWith('od/') ? [category, { lang }] : category]),
    ),
  };
  const linter = new Linter({ config: narrowed ?? config, resolver });
  const results: Record<string, { id: string; message: string; category: string }[]> = await linter.lint(definitions);
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map(({ id, message, category }) => ({ rule, id, message, category })),
  );
}
