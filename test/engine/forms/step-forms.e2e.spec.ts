import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBpmn } from '../../../apps/engine/src/model/bpmn-parser.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KEY = 'thu-tuc-co-bieu-mau';

/**
 * Issue #18, step forms: a step declares its fields, the engine serves them as the task's form
 * and checks a completion against them — a missing pick or decision is a 400 naming the field,
 * never the gateway's 422 — and a pick becomes the next step's assignee.
 */
describe('step forms', () => {
  let t: TestEngine;
  let xml: string;

  beforeAll(async () => {
    t = await startTestEngine();
    xml = await readFile(path.join(here, 'step-forms.bpmn'), 'utf8');
    const admin = await t.login('admin');
    await t.http.post('/api/deployments').set('Authorization', admin).send({ name: 'step forms', bpmnXml: xml }).expect(201);
  });
  afterAll(() => t.close());

  // One login per user: each costs a deliberate scrypt.
  const tokens = new Map<string, Promise<string>>();
  const as = (username: string) => tokens.get(username) ?? tokens.set(username, t.login(username)).get(username)!;
  async function openTask(username: string, instanceId: string, elementId: string) {
    const res = await t.http.get(`/api/tasks?processInstanceId=${instanceId}`).set('Authorization', await as(username));
    const task = res.body.find((x: { elementId: string }) => x.elementId === elementId);
    if (!task) throw new Error(`no ${elementId} for ${username}: ${JSON.stringify(res.body)}`);
    return task as { id: string; assignee: string | null };
  }
  async function complete(username: string, taskId: string, body: object) {
    return t.http.post(`/api/tasks/${taskId}/complete`).set('Authorization', await as(username)).send(body);
  }
  async function completed(username: string, taskId: string, body: object) {
    const res = await complete(username, taskId, body);
    if (res.status !== 204) throw new Error(`complete failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  /** A dossier received and past the desk: waiting at the head of division's pick. */
  async function dossierAtAssignment() {
    const desk = await as('motcua.syt');
    const { body } = await t.http.post('/api/dossiers').set('Authorization', desk).send({ procedureKey: KEY, applicant: { name: 'Bà Hoàng Thị Lan' }, channel: 'direct' }).expect(201);
    const first = await openTask('motcua.syt', body.processInstanceId, 'tiep-nhan');
    await completed('motcua.syt', first.id, { opinion: 'Hồ sơ đủ thành phần' });
    return { code: body.code as string, instanceId: body.processInstanceId as string };
  }

  it('given the diagram, then the graph carries each step’s fields, the picks tie to the steps they assign, and the dossier components', async () => {
    // when
    const { graphs } = await parseBpmn(xml);

    // then
    const graph = graphs[0];
    expect(graph.nodes.get('phan-cong')!.form).toEqual([
      { id: 'chuyenVien', label: 'Chuyên viên thụ lý', type: 'officer', required: true, variable: 'chuyenVienThuLy', assigns: 'tham-dinh' },
    ]);
    expect(graph.nodes.get('tham-dinh')!.step.assigneeVariable).toBe('chuyenVienThuLy');
    expect(graph.nodes.get('tham-dinh')!.form!.map((f) => [f.variable, f.type, f.required])).toEqual([
      ['ketQuaThamDinh', 'select', true],
      ['soLaoDong', 'number', false],
      ['ngayKiemTra', 'date', false],
    ]);
    expect(graph.nodes.get('quyet-dinh')!.form![0].options).toEqual([
      { value: true, label: 'Phê duyệt' },
      { value: false, label: 'Từ chối' },
    ]);
    // a component's kind (what reuse matches on) defaults to its id
    expect(graph.procedure.components).toEqual([
      { id: 'don', name: 'Đơn đề nghị (Mẫu số 01)', required: true, copies: '1 bản chính', kind: 'don' },
      { id: 'cccd', name: 'Bản sao căn cước', required: false, copies: '1 bản sao', kind: 'cccd' },
    ]);
  });

  it('given forms a desk could not fill, when deployed, then each is refused with the step’s id and the reason', async () => {
    // given
    const broken = xml
      .replace('assigns="tham-dinh"', 'assigns="khong-co-buoc-nay"')
      .replace('type="select" required="true" variable="ketQuaThamDinh" options="dat=Đủ điều kiện|khong-dat=Không đủ điều kiện"', 'type="select" required="true" variable="ketQuaThamDinh"')
      .replace('type="number" variable="soLaoDong"', 'type="slider" variable="soLaoDong"')
      .replace('variable="ngayKiemTra"', 'variable="1ngay"');

    // when
    const res = await t.http.post('/api/deployments').set('Authorization', await as('admin')).send({ name: 'broken', bpmnXml: broken });

    // then
    expect(res.status).toBe(400);
    const messages = (res.body.details as { elementId: string; message: string }[]).map((d) => `${d.elementId}: ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^phan-cong: .*assigns "khong-co-buoc-nay", which is not a user task/),
        expect.stringMatching(/^tham-dinh: .*a select needs options/),
        expect.stringMatching(/^tham-dinh: .*type "slider" is not one of/),
        expect.stringMatching(/^tham-dinh: .*variable "1ngay" must be a name/),
      ]),
    );
  });

  it('given the first step, then its form offers no return; the next step’s form lists the officers who can be picked, by name', async () => {
    // given
    const desk = await as('motcua.syt');
    const { body } = await t.http.post('/api/dossiers').set('Authorization', desk).send({ procedureKey: KEY, applicant: { name: 'Ông Lục Văn Hải' }, channel: 'online' }).expect(201);
    const first = await openTask('motcua.syt', body.processInstanceId, 'tiep-nhan');

    // when
    const firstForm = (await t.http.get(`/api/tasks/${first.id}/form`).set('Authorization', desk)).body;
    await completed('motcua.syt', first.id, {});
    const pick = await openTask('truongphong.btxh', body.processInstanceId, 'phan-cong');
    const pickForm = (await t.http.get(`/api/tasks/${pick.id}/form`).set('Authorization', await as('truongphong.btxh'))).body;

    // then
    expect(firstForm).toEqual({ taskId: first.id, fields: [], decision: null, previousStep: null });
    expect(pickForm.previousStep).toEqual({ elementId: 'tiep-nhan', name: 'Tiếp nhận hồ sơ' });
    expect(pickForm.fields).toEqual([
      expect.objectContaining({
        variable: 'chuyenVienThuLy',
        type: 'officer',
        required: true,
        assignsStep: { elementId: 'tham-dinh', name: 'Thẩm định hồ sơ', departmentCode: 'SYT_BTXH', role: 'specialist' },
        options: [{ value: 'chuyenvien.btxh', label: 'Hà Thị Thu Trang' }],
      }),
    ]);
    expect(pickForm.decision).toBeNull();
  });

  it('given the head of division, when completing without a pick or with someone who can’t be picked, then 400 names the field; with a pick, the specialist’s task is hers', async () => {
    // given
    const { instanceId } = await dossierAtAssignment();
    const pick = await openTask('truongphong.btxh', instanceId, 'phan-cong');

    // when / then: no pick
    const missing = await complete('truongphong.btxh', pick.id, {});
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/Chuyên viên thụ lý: required/);
    expect(missing.body.details).toEqual([{ field: 'variables.chuyenVienThuLy', message: 'Chuyên viên thụ lý: required' }]);

    // when / then: someone of another department
    const stranger = await complete('truongphong.btxh', pick.id, { variables: { chuyenVienThuLy: 'chuyenvien.qlcl' } });
    expect(stranger.status).toBe(400);
    expect(stranger.body.details[0].field).toBe('variables.chuyenVienThuLy');

    // when: the specialist is picked
    await completed('truongphong.btxh', pick.id, { variables: { chuyenVienThuLy: 'chuyenvien.btxh' }, opinion: 'Giao đồng chí Trang thụ lý' });

    // then
    const examine = await openTask('chuyenvien.btxh', instanceId, 'tham-dinh');
    expect(examine.assignee).toBe('chuyenvien.btxh');
    const mine = (await t.http.get('/api/tasks?mine=true').set('Authorization', await as('chuyenvien.btxh'))).body;
    expect(mine.map((x: { id: string }) => x.id)).toContain(examine.id);
  });

  it('given the specialist’s fields, when a value does not fit its field, then 400 says which; when they fit, they become the instance’s variables', async () => {
    // given
    const { instanceId } = await dossierAtAssignment();
    const pick = await openTask('truongphong.btxh', instanceId, 'phan-cong');
    await completed('truongphong.btxh', pick.id, { variables: { chuyenVienThuLy: 'chuyenvien.btxh' } });
    const examine = await openTask('chuyenvien.btxh', instanceId, 'tham-dinh');

    // when
    const wrong = await complete('chuyenvien.btxh', examine.id, { variables: { ketQuaThamDinh: 'tot', soLaoDong: 'mười', ngayKiemTra: '31/12/2026' } });

    // then
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.map((d: { field: string }) => d.field)).toEqual(['variables.ketQuaThamDinh', 'variables.soLaoDong', 'variables.ngayKiemTra']);

    // when
    await completed('chuyenvien.btxh', examine.id, { variables: { ketQuaThamDinh: 'dat', soLaoDong: 12, ngayKiemTra: '2026-12-03' } });

    // then
    const instance = (await t.http.get(`/api/process-instances/${instanceId}`).set('Authorization', await as('admin'))).body;
    expect(instance.variables).toEqual(expect.objectContaining({ ketQuaThamDinh: 'dat', soLaoDong: 12, ngayKiemTra: '2026-12-03' }));
  });

  it('given the leader’s decision step, when completed without a choice, then 400 names the decision (not the gateway’s 422); with a choice the dossier takes that branch', async () => {
    // given
    const { instanceId } = await dossierAtAssignment();
    const pick = await openTask('truongphong.btxh', instanceId, 'phan-cong');
    await completed('truongphong.btxh', pick.id, { variables: { chuyenVienThuLy: 'chuyenvien.btxh' } });
    const examine = await openTask('chuyenvien.btxh', instanceId, 'tham-dinh');
    await completed('chuyenvien.btxh', examine.id, { variables: { ketQuaThamDinh: 'khong-dat' } });
    const decide = await openTask('lanhdao.syt', instanceId, 'quyet-dinh');
    const form = (await t.http.get(`/api/tasks/${decide.id}/form`).set('Authorization', await as('lanhdao.syt'))).body;

    // when
    const none = await complete('lanhdao.syt', decide.id, {});

    // then
    expect(form.decision).toEqual({ variable: 'dongY', label: 'Quyết định của Lãnh đạo', required: true, choices: [{ value: true, label: 'Phê duyệt' }, { value: false, label: 'Từ chối' }] });
    expect(none.status).toBe(400);
    expect(none.body.details).toEqual([{ field: 'variables.dongY', message: 'Quyết định của Lãnh đạo: choose one of "Phê duyệt", "Từ chối"' }]);
    expect((await complete('lanhdao.syt', decide.id, { variables: { dongY: 'có' } })).status).toBe(400);

    // when
    await completed('lanhdao.syt', decide.id, { variables: { dongY: false }, opinion: 'Chưa đủ điều kiện công nhận' });

    // then
    const instance = (await t.http.get(`/api/process-instances/${instanceId}`).set('Authorization', await as('admin'))).body;
    expect(instance.activeActivityIds).toEqual(['tra-tu-choi']);
  });

  it('given opinions and a return, then the control sheet keeps each opinion and the reason, the dossier’s history and the officer sent back are told why', async () => {
    // given
    const { code, instanceId } = await dossierAtAssignment();
    const pick = await openTask('truongphong.btxh', instanceId, 'phan-cong');
    await completed('truongphong.btxh', pick.id, { variables: { chuyenVienThuLy: 'chuyenvien.btxh' }, opinion: 'Giao chuyên viên Trang' });
    const examine = await openTask('chuyenvien.btxh', instanceId, 'tham-dinh');

    // when
    await t.http.post(`/api/tasks/${examine.id}/return`).set('Authorization', await as('chuyenvien.btxh')).send({ reason: 'Cần giao lại cho chuyên viên khác' }).expect(200);

    // then: the control sheet
    const dossier = (await t.http.get(`/api/dossiers/${code}`).set('Authorization', await as('truongphong.btxh'))).body;
    expect(dossier.steps.map((s: { elementId: string; outcome: string | null; opinion: string | null; assigneeName: string | null }) => [s.elementId, s.outcome, s.opinion, s.assigneeName])).toEqual([
      ['tiep-nhan', 'completed', 'Hồ sơ đủ thành phần', 'Nông Thị Lan'],
      ['phan-cong', 'completed', 'Giao chuyên viên Trang', 'Bế Văn Hùng'],
      ['tham-dinh', 'returned', 'Cần giao lại cho chuyên viên khác', 'Hà Thị Thu Trang'],
      ['phan-cong', null, null, 'Bế Văn Hùng'],
    ]);
    // and: the dossier's history
    expect(dossier.events.find((e: { kind: string }) => e.kind === 'returned')).toEqual(
      expect.objectContaining({ actor: 'chuyenvien.btxh', data: expect.objectContaining({ reason: 'Cần giao lại cho chuyên viên khác', fromStep: 'Thẩm định hồ sơ', toStep: 'Phân công chuyên viên thụ lý', toAssignee: 'truongphong.btxh' }) }),
    );
    // and: the head of division is told, with a link to the step
    const notes = (await t.http.get('/api/notifications').set('Authorization', await as('truongphong.btxh'))).body;
    const back = notes.find((n: { kind: string; dossierCode: string }) => n.kind === 'task-returned' && n.dossierCode === code);
    expect(back.message).toContain('Lý do: Cần giao lại cho chuyên viên khác');
    expect(back.taskId).toBe(dossier.currentSteps[0].id);
    // and: form 06 prints the opinions and the reason
    const sheet = await t.http.get(`/api/documents/${code}/06`).set('Authorization', await as('truongphong.btxh'));
    expect(sheet.text).toContain('Ý kiến: Giao chuyên viên Trang');
    expect(sheet.text).toContain('Lý do: Cần giao lại cho chuyên viên khác');
  });
});
