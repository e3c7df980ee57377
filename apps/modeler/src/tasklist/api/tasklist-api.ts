import type { ApiClient } from '../../shared/api-client.js';
import type { ActivityHistoryEntry, Applicant, AppNotification, DefinitionSummary, Department, DirectoryUser, Dossier, DossierSummary, InboxFilter, Person, ProcessInstanceSummary, ReceivableProcedure, ReceivedDossier, Task, TaskForm } from '@onedoor/contract';

const QUERY: Record<InboxFilter, string> = {
  mine: 'mine=true',
  candidate: 'candidate=true',
  overdue: 'overdue=true',
};

/** Every call the task list makes, named after what the officer does (docs/api.md paths). */
export class TasklistApi {
  constructor(private readonly api: ApiClient) {}

  /** The client underneath, for feature APIs of their own (a dossier's files). */
  get client(): ApiClient {
    return this.api;
  }

  tasks(filter: InboxFilter): Promise<Task[]> {
    return this.api.get(`/api/tasks?${QUERY[filter]}&size=200`);
  }

  tasksOfInstance(processInstanceId: string): Promise<Task[]> {
    return this.api.get(`/api/tasks?processInstanceId=${encodeURIComponent(processInstanceId)}`);
  }

  task(id: string): Promise<Task> {
    return this.api.get(`/api/tasks/${encodeURIComponent(id)}`);
  }

  taskForm(id: string): Promise<TaskForm> {
    return this.api.get(`/api/tasks/${encodeURIComponent(id)}/form`);
  }

  people(): Promise<Person[]> {
    return this.api.get('/api/people');
  }

  dossier(code: string): Promise<Dossier> {
    return this.api.get(`/api/dossiers/${encodeURIComponent(code)}`);
  }

  /** The dossier search: keys as GET /api/dossiers takes them. */
  searchDossiers(query: Record<string, string>): Promise<{ items: DossierSummary[]; total: number }> {
    const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
    return this.api.getPage(`/api/dossiers${search ? `?${search}` : ''}`);
  }

  apology(code: string, reason: string, newDueAt: string): Promise<{ dueAt: string }> {
    return this.api.post(`/api/dossiers/${encodeURIComponent(code)}/apology`, { reason, newDueAt });
  }

  endDossier(code: string, ending: 'refuse' | 'stop' | 'withdraw', reason: string): Promise<{ status: number }> {
    return this.api.post(`/api/dossiers/${encodeURIComponent(code)}/${ending}`, { reason });
  }

  waitingDossiers(): Promise<DossierSummary[]> {
    // 5 = "Yêu cầu bổ sung hồ sơ" (national portal status)
    return this.api.get('/api/dossiers?status=5');
  }

  instanceHistory(id: string): Promise<ActivityHistoryEntry[]> {
    return this.api.get(`/api/process-instances/${encodeURIComponent(id)}/history`);
  }

  instance(id: string): Promise<ProcessInstanceSummary> {
    return this.api.get(`/api/process-instances/${encodeURIComponent(id)}`);
  }

  definitions(latestOnly = false): Promise<DefinitionSummary[]> {
    return this.api.get(`/api/process-definitions${latestOnly ? '?latest=true' : ''}`);
  }

  async definitionXml(id: string): Promise<string> {
    const { bpmnXml } = await this.api.get<{ bpmnXml: string }>(`/api/process-definitions/${encodeURIComponent(id)}/xml`);
    return bpmnXml;
  }

  departments(): Promise<Department[]> {
    return this.api.get('/api/departments');
  }

  officers(departmentCode: string): Promise<DirectoryUser[]> {
    return this.api.get(`/api/users?departmentCode=${encodeURIComponent(departmentCode)}`);
  }

  notifications(): Promise<AppNotification[]> {
    return this.api.get('/api/notifications');
  }

  markRead(id: string): Promise<void> {
    return this.api.post(`/api/notifications/${encodeURIComponent(id)}/read`);
  }

  /** When "one working day from now" ends: the line between due soon and not yet. */
  async oneWorkingDayFrom(from: Date): Promise<Date> {
    const { dueAt } = await this.api.get<{ dueAt: string }>(`/api/calendar/add?from=${encodeURIComponent(from.toISOString())}&days=1`);
    return new Date(dueAt);
  }

  claim(id: string): Promise<void> {
    return this.api.post(`/api/tasks/${encodeURIComponent(id)}/claim`);
  }

  unclaim(id: string): Promise<void> {
    return this.api.post(`/api/tasks/${encodeURIComponent(id)}/unclaim`);
  }

  assign(id: string, username: string): Promise<void> {
    return this.api.post(`/api/tasks/${encodeURIComponent(id)}/assign`, { username });
  }

  complete(id: string, variables: Record<string, unknown>, opinion?: string): Promise<void> {
    return this.api.post(`/api/tasks/${encodeURIComponent(id)}/complete`, { variables, ...(opinion ? { opinion } : {}) });
  }

  returnToPrevious(id: string, reason: string): Promise<{ returnedTo: string; taskId: string }> {
    return this.api.post(`/api/tasks/${encodeURIComponent(id)}/return`, { reason });
  }

  requestSupplement(id: string, missing: string[], note: string): Promise<{ dossierCode: string }> {
    return this.api.post(`/api/tasks/${encodeURIComponent(id)}/request-supplement`, { missing, note });
  }

  supplementReceived(code: string): Promise<{ dueAt: string | null }> {
    return this.api.post(`/api/dossiers/${encodeURIComponent(code)}/supplement-received`);
  }

  /** A printable form (HTML) under /api/documents, fetched with the token. */
  async documentHtml(path: string): Promise<string> {
    const body = await this.api.get<unknown>(path);
    return typeof body === 'string' ? body : JSON.stringify(body);
  }

  receivableProcedures(): Promise<ReceivableProcedure[]> {
    return this.api.get('/api/reception/procedures');
  }

  receiveDossier(input: { procedureKey: string; applicant: Applicant; channel: string; components?: string[] }): Promise<ReceivedDossier> {
    return this.api.post('/api/dossiers', input);
  }
}
