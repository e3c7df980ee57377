/**
 * A DMN 1.3 decision table, parsed and checked at deploy: FEEL sources only, no moddle objects,
 * so it is cached per deployed version and evaluated without touching XML again.
 */
export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionTable {
  /** The decision id: what `camunda:decisionRef` names. */
  key: string;
  name?: string;
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: { label?: string; expression: string }[];
  outputs: { name: string; label?: string; /** Allowed values in priority order (PRIORITY, OUTPUT ORDER). */ values?: string[] }[];
  rules: { id: string; inputEntries: string[]; outputEntries: string[] }[];
}
