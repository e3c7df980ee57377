import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

interface Task { id: string; elementId: string; businessKey: string }

/**
 * Issue #24: petitions (phản ánh, kiến nghị) run on the same engine and inboxes as dossiers —
 * the procedure in processes/phan-anh-kien-nghi.bpmn, worked step by step through its forms.
 */
describe('petitions', () => {
  let t: TestEngine;
  let admin: string;

  beforeAll(async () => {
    t = await startTestEngine({ processes: true });
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const petition = (extra: Record<string, unknown> = {}) => ({
    senderName: 'Nguyễn Văn Bình',
    senderPhone: '0912345678',
    subject: 'Thành phần hồ sơ công nhận cơ sở sử dụng lao động khuyết tật',
    content: 'Đề nghị bỏ yêu cầu nộp bản sao chứng thực giấy đăng ký kinh doanh vì đã có trên cơ sở dữ liệu quốc gia.',
    ...extra,
  });

  /** The open step of a petition, as `username` finds it in the inbox, completed with the form's values. */
  async function work(code: string, username: string, elementId: string, variables: Record<string, unknown> = {}) {
    const auth = await t.login(username);
    const inbox: Task[] = (await t.http.get('/api/tasks?candidate=true').set('Authorization', auth)).body;
    const mine: Task[] = (await t.http.get('/api/tasks?mine=true').set('Authorization', auth)).body;
    const task = [...inbox, ...mine].find((x) => x.businessKey === code);
    expect({ code, elementId: task?.elementId }).toEqual({ code, elementId });
    const res = await t.http.post(`/api/tasks/${task!.id}/complete`).set('Authorization', auth).send({ variables });
    expect(res.status).toBe(204);
  }

  it('given a petition sent online, the desk classifies it, the division answers, the leader signs and the clerk publishes it — without the sender’s contact', async () => {
    // given
    const sent = await t.http.post('/api/public/petitions').send(petition());
    expect(sent.status).toBe(201);
    const code = sent.body.code;
    expect(code).toMatch(/^PAKN-\d{6}-\d{6}$/);
    expect(sent.body.dueAt).not.toBeNull();

    // when
    await work(code, 'motcua.syt', 'buoc-1-tiep-nhan-phan-loai', { loaiPhanAnh: 'kien-nghi', thuocThamQuyen: true });
    expect((await t.http.get(`/api/petitions/${code}`).set('Authorization', admin)).body).toEqual(expect.objectContaining({ status: 'processing', kind: 'kien-nghi' }));
    await work(code, 'truongphong.btxh', 'buoc-2-phan-cong', { chuyenVienXuLy: 'chuyenvien.btxh' });
    await work(code, 'chuyenvien.btxh', 'buoc-3-nghien-cuu-du-thao', { noiDungTraLoi: 'Sở Y tế tiếp thu; thành phần hồ sơ sẽ được cắt giảm theo phương án đơn giản hóa năm 2027.' });
    await work(code, 'lanhdao.syt', 'buoc-4-ky-tra-loi', { soVanBanTraLoi: '152/SYT-BTXH' });
    await work(code, 'vanthu.syt', 'buoc-5-cong-khai');

    // then
    const done = (await t.http.get(`/api/petitions/${code}`).set('Authorization', admin)).body;
    expect(done).toEqual(expect.objectContaining({ status: 'answered', answerNumber: '152/SYT-BTXH', channel: 'online' }));
    expect(done.publishedAt).not.toBeNull();
    const published = (await t.http.get('/api/public/petitions')).body;
    const shown = published.find((p: { code: string }) => p.code === code);
    expect(shown).toEqual(expect.objectContaining({ answer: expect.stringContaining('Sở Y tế tiếp thu'), kind: 'kien-nghi' }));
    expect(JSON.stringify(shown)).not.toContain('0912345678');
    expect(JSON.stringify(shown)).not.toContain('Nguyễn Văn Bình');
  });

  it('given a petition outside the agency’s remit, the desk transfers it and it is never published', async () => {
    const sent = await t.http.post('/api/petitions').set('Authorization', await t.login('motcua.syt')).send(petition({ subject: 'Thủ tục cấp giấy phép xây dựng', channel: 'direct' }));
    expect(sent.status).toBe(201);
    await work(sent.body.code, 'motcua.syt', 'buoc-1-tiep-nhan-phan-loai', { loaiPhanAnh: 'phan-anh', thuocThamQuyen: false });
    await work(sent.body.code, 'motcua.syt', 'chuyen-co-quan-tham-quyen', { coQuanTiepNhan: 'Sở Xây dựng tỉnh Cao Bằng' });
    const done = (await t.http.get(`/api/petitions/${sent.body.code}`).set('Authorization', admin)).body;
    expect(done).toEqual(expect.objectContaining({ status: 'transferred', transferredTo: 'Sở Xây dựng tỉnh Cao Bằng', publishedAt: null, channel: 'direct' }));
    expect((await t.http.get('/api/public/petitions')).body.map((p: { code: string }) => p.code)).not.toContain(sent.body.code);
  });

  it('given the petitions of a period, the report counts how they came, what they were and how they ended', async () => {
    await t.http.post('/api/public/petitions').send(petition({ subject: 'Còn đang xử lý' }));
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const res = await t.http.get(`/api/petitions/report?from=${from}&to=${to}`).set('Authorization', admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({
      received: { total: 3, online: 2, direct: 1, postal: 0 },
      byKind: { phanAnh: 1, kienNghi: 1, unclassified: 1 },
      transferred: 1,
      answered: { total: 1, onTime: 1, late: 0 },
      inProgress: { total: 1, withinTime: 1, overdue: 0 },
      published: 1,
    }));
    const list = await t.http.get('/api/petitions?status=processing').set('Authorization', admin);
    expect(list.headers['x-total-count']).toBe('0');
  });

  it('given a petition with no way to answer the sender, or from an address sending too many, it is refused with the reason', async () => {
    const noContact = await t.http.post('/api/public/petitions').send(petition({ senderPhone: undefined }));
    expect(noContact.status).toBe(400);
    expect(noContact.body.details[0].field).toBe('senderPhone');
    const short = await t.http.post('/api/public/petitions').send(petition({ content: 'ngắn' }));
    expect(short.status).toBe(400);
    expect(short.body.details.map((d: { field: string }) => d.field)).toContain('content');
    // 2 sent by the specs above from this address, 5 allowed per 10 minutes
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) answers.push((await t.http.post('/api/public/petitions').send(petition())).status);
    expect(answers).toEqual([201, 201, 201, 429]);
  });

  it('given an officer without a desk or leading role, the petitions list is refused; the public list needs no account', async () => {
    expect((await t.http.get('/api/petitions').set('Authorization', await t.login('chuyenvien.btxh'))).status).toBe(403);
    expect((await t.http.get('/api/petitions')).status).toBe(401);
    expect((await t.http.get('/api/public/petitions')).status).toBe(200);
  });
});
