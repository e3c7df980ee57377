/** One row of `GET /api/process-definitions` (the fields every page reads). */
export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  name: string | null;
  procedureCode?: string | null;
  statutoryDays?: number | null;
}

/** A process instance (GET /api/process-instances/{id}). */
export interface ProcessInstanceSummary {
  id: string;
  definitionId: string;
  businessKey: string | null;
  state: 'active' | 'completed' | 'terminated';
  activeActivityIds: string[];
  variables: Record<string, unknown>;
}
