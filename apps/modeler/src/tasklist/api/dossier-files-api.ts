import type { DossierFile, DossierFiles, ReusableOffer } from '@onedoor/contract';
import { ApiError } from '../../shared/api-error.js';
import { authSession } from '../../shared/auth-session.js';
import type { ApiClient } from '../../shared/api-client.js';

/** A dossier's documents: what the engine keeps for each component, the result, and the offers of reuse. */
export class DossierFilesApi {
  constructor(private readonly api: ApiClient) {}

  list(code: string): Promise<DossierFiles> {
    return this.api.get(`/api/dossiers/${encodeURIComponent(code)}/files`);
  }

  reusable(code: string): Promise<ReusableOffer[]> {
    return this.api.get(`/api/dossiers/${encodeURIComponent(code)}/reusable`);
  }

  reuse(code: string, componentId: string, fileId: string): Promise<DossierFile> {
    return this.api.post(`/api/dossiers/${encodeURIComponent(code)}/reuse`, { componentId, fileId });
  }

  upload(code: string, componentId: string, file: File): Promise<DossierFile> {
    const form = new FormData();
    form.append('componentId', componentId);
    form.append('file', file, file.name);
    return send(`/api/dossiers/${encodeURIComponent(code)}/files`, form);
  }

  attachResult(taskId: string, file: File): Promise<DossierFile> {
    const form = new FormData();
    form.append('file', file, file.name);
    return send(`/api/tasks/${encodeURIComponent(taskId)}/result`, form);
  }

  /** The file's bytes with the bearer token (a plain link can't carry it), as a blob to show or save. */
  async content(code: string, fileId: string): Promise<Blob> {
    const response = await call(`/api/dossiers/${encodeURIComponent(code)}/files/${encodeURIComponent(fileId)}`, { method: 'GET' });
    return response.blob();
  }
}

async function send<T>(path: string, form: FormData): Promise<T> {
  const response = await call(path, { method: 'POST', body: form });
  return response.json() as Promise<T>;
}

async function call(path: string, init: RequestInit): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/pdf, image/png, image/jpeg' };
  if (authSession.token) headers.Authorization = `Bearer ${authSession.token}`;
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (error) {
    throw new ApiError(0, { message: (error as Error).message || 'Network error' });
  }
  if (!response.ok) {
    const text = await response.text();
    let body: { message?: string } = { message: text || response.statusText };
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    throw new ApiError(response.status, { statusCode: response.status, ...body });
  }
  return response;
}
