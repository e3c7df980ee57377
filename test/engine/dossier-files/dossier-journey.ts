import type { TestEngine } from '../../support/engine-server.js';

export const VET_PRACTICE = 'cap-chung-chi-hanh-nghe-thu-y'; // 9.000102, Department of Agriculture and Environment
export const VET_COMPONENTS = ['don-dang-ky', 'van-bang', 'suc-khoe', 'anh'];

/** A one-page PDF, as a scanner would make it (the content check reads only its first bytes). */
export const pdf = (text = 'scan') => Buffer.from(`%PDF-1.7\n1 0 obj<<>>endobj\n% ${text}\n%%EOF\n`, 'latin1');
/** The first bytes of a Windows executable: what a renamed .exe starts with. */
export const executable = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0x41)]);
export const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

/** Logs people in once and drives dossiers of 9.000102 through the API the way the desk and departments do. */
export class Journey {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly t: TestEngine) {}

  as(username: string): Promise<string> {
    return this.tokens.get(username) ?? this.tokens.set(username, this.t.login(username)).get(username)!;
  }

  async receive(applicant: { name: string; idNumber?: string; phone?: string }, desk = 'motcua.snnmt'): Promise<string> {
    const res = await this.t.http.post('/api/dossiers').set('Authorization', await this.as(desk)).send({ procedureKey: VET_PRACTICE, applicant, channel: 'direct', components: VET_COMPONENTS });
    if (res.status !== 201) throw new Error(`receive: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.code;
  }

  async upload(code: string, componentId: string, bytes: Buffer, fileName = 'scan.pdf', username = 'motcua.snnmt') {
    return this.t.http.post(`/api/dossiers/${code}/files`).set('Authorization', await this.as(username)).field('componentId', componentId).attach('file', bytes, fileName);
  }

  async openStep(code: string): Promise<{ id: string; elementId: string }> {
    const res = await this.t.http.get(`/api/dossiers/${code}`).set('Authorization', await this.as('admin'));
    const [step] = res.body.currentSteps as { id: string; elementId: string }[];
    if (!step) throw new Error(`${code} has no open step`);
    return step;
  }

  async complete(code: string, username: string, variables: Record<string, unknown> = {}): Promise<void> {
    const step = await this.openStep(code);
    const res = await this.t.http.post(`/api/tasks/${step.id}/complete`).set('Authorization', await this.as(username)).send({ variables });
    if (res.status >= 300) throw new Error(`complete ${step.elementId} as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** From reception to the step that returns the certificate. */
  async toReturnStep(code: string): Promise<void> {
    await this.complete(code, 'motcua.snnmt');
    await this.complete(code, 'chuyenvien.cnty', { ketQuaThamDinh: 'dat' });
    await this.complete(code, 'lanhdao.snnmt', { soChungChi: 'CCHN-001', ngayKy: '2027-06-08' });
    await this.complete(code, 'vanthu.snnmt', { soVaoSo: '15/SNNMT' });
  }

  async attachResult(code: string, bytes: Buffer = pdf('chung chi'), username = 'motcua.snnmt') {
    const step = await this.openStep(code);
    return this.t.http.post(`/api/tasks/${step.id}/result`).set('Authorization', await this.as(username)).attach('file', bytes, 'Chứng chỉ hành nghề.pdf');
  }
}
