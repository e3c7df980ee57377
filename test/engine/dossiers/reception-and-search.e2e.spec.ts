import { ManualClock } from '../support/engine-harness.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const DISABILITY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat'; // Department of Health
const FOOD_SAFETY = 'cap-gcn-co-so-du-dieu-kien-attp-nong-lam-thuy-san'; // Department of Agriculture
const SOCIAL_FACILITY = 'dang-ky-co-so-tro-giup-xa-hoi-ngoai-cong-lap'; // Health → provincial office (inter-agency)
const ALL_DISABILITY_COMPONENTS = ['van-ban-de-nghi', 'danh-sach-lao-dong', 'xac-nhan-khuyet-tat', 'hop-dong-lao-dong'];

/**
 * Issue #18: a desk receives only its own agency's procedures, with the procedure's checklist of
 * documents; and a dossier can be found again by every key an officer has, within what the
 * officer may see.
 */
describe('reception per agency and the dossier search', () => {
  // Monday 7 June 2027, 08:00 in Vietnam
  const clock = new ManualClock(new Date('2027-06-07T01:00:00Z'));
  let t: TestEngine;
  const tokens = new Map<string, Promise<string>>();
  const as = (username: string) => tokens.get(username) ?? tokens.set(username, t.login(username)).get(username)!;
  const receive = async (desk: string, body: object) => t.http.post('/api/dossiers').set('Authorization', await as(desk)).send(body);

  beforeAll(async () => {
    t = await startTestEngine({ processes: true, clock });
  });
  afterAll(() => t.close());

  describe('reception per agency', () => {
    it('given the Department of Health’s desk, then it is offered its own procedures (and the inter-agency one it is the entry of) with their document checklists', async () => {
      // when
      const syt = (await t.http.get('/api/reception/procedures').set('Authorization', await as('motcua.syt'))).body;
      const snnmt = (await t.http.get('/api/reception/procedures').set('Authorization', await as('motcua.snnmt'))).body;

      // then
      expect(syt.map((p: { procedureCode: string }) => p.procedureCode)).toEqual(['1.001806', '1.013814']);
      expect(snnmt.map((p: { procedureCode: string }) => p.procedureCode)).toEqual(['9.000101', '9.000102']);
      expect(syt[0].components.map((c: { id: string; required: boolean }) => `${c.id}:${c.required}`)).toEqual(ALL_DISABILITY_COMPONENTS.map((id) => `${id}:true`));
      expect(syt.find((p: { key: string }) => p.key === SOCIAL_FACILITY).entryDepartmentCode).toBe('SYT_MOTCUA');
    });

    it('given another agency’s procedure, when the Department of Health’s desk receives it, then 403 and no dossier; its own desk receives it', async () => {
      // when
      const refused = await receive('motcua.syt', { procedureKey: FOOD_SAFETY, applicant: { name: 'Hộ kinh doanh Lò Văn Sáng' }, channel: 'direct' });
      const received = await receive('motcua.snnmt', { procedureKey: FOOD_SAFETY, applicant: { name: 'Hộ kinh doanh Lò Văn Sáng' }, channel: 'direct' });

      // then
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/received at the desk of SNNMT, not SYT/);
      expect(received.status).toBe(201);
      expect(received.body.code).toMatch(/^SNNMT-/);
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM dossier WHERE applicant_name = 'Hộ kinh doanh Lò Văn Sáng'`);
      expect(n).toBe(1);
    });

    it('given the checklist, when a required document is missing or an unknown one is named, then 400; when complete, form 01 lists the documents handed in', async () => {
      // given
      const base = { procedureKey: DISABILITY, applicant: { name: 'Công ty TNHH Hoa Mai' }, channel: 'direct' };

      // when
      const missing = await receive('motcua.syt', { ...base, components: ['van-ban-de-nghi'] });
      const unknown = await receive('motcua.syt', { ...base, components: [...ALL_DISABILITY_COMPONENTS, 'giay-khai-sinh'] });
      const complete = await receive('motcua.syt', { ...base, components: ALL_DISABILITY_COMPONENTS });

      // then
      expect(missing.status).toBe(400);
      expect(missing.body.message).toMatch(/missing required components: Danh sách lao động là người khuyết tật của cơ sở/);
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual([{ field: 'components', message: '"giay-khai-sinh" is not a component of this procedure' }]);
      expect(complete.status).toBe(201);
      const dossier = (await t.http.get(`/api/dossiers/${complete.body.code}`).set('Authorization', await as('motcua.syt'))).body;
      expect(dossier.documents).toEqual([
        { name: 'Văn bản đề nghị công nhận cơ sở sử dụng từ 30% tổng số lao động là người khuyết tật', copies: '01 bản chính' },
        { name: 'Danh sách lao động là người khuyết tật của cơ sở', copies: '01 bản chính' },
        { name: 'Bản sao giấy xác nhận khuyết tật của người lao động', copies: '01 bản sao' },
        { name: 'Bản sao hợp đồng lao động của người khuyết tật', copies: '01 bản sao' },
      ]);
      const receipt = await t.http.get(`/api/documents/${complete.body.code}/01`).set('Authorization', await as('motcua.syt'));
      expect(receipt.text).toContain('Danh sách lao động là người khuyết tật của cơ sở');
    });
  });

  describe('the dossier search', () => {
    let sought: { code: string };

    beforeAll(async () => {
      // given: a dossier received a week ago, now overdue at the head of division; and others
      clock.current = new Date('2027-05-31T01:30:00Z');
      sought = (
        await receive('motcua.syt', {
          procedureKey: DISABILITY,
          applicant: { name: 'Nguyễn Thị Hồng Nhung', idNumber: '012345678901', phone: '0912 345 678' },
          channel: 'online',
        })
      ).body;
      await receive('motcua.syt', { procedureKey: SOCIAL_FACILITY, applicant: { name: 'Trung tâm Bảo trợ xã hội Bảo Lạc', idNumber: '0801234567' }, channel: 'direct' });
      clock.current = new Date('2027-06-21T02:00:00Z');
      await receive('motcua.snnmt', { procedureKey: FOOD_SAFETY, applicant: { name: 'Nguyễn Thị Hồng Nhung', idNumber: '012345678901' }, channel: 'direct' });
    });

    const find = async (username: string, query: string) => {
      const res = await t.http.get(`/api/dossiers?${query}`).set('Authorization', await as(username));
      expect(res.status).toBe(200);
      return { codes: res.body.map((d: { code: string }) => d.code) as string[], total: Number(res.headers['x-total-count']), rows: res.body };
    };

    it('given each key the desk has, then the search finds the dossier by it', async () => {
      const day = (d: string) => encodeURIComponent(`${d}T00:00:00+07:00`);
      for (const query of [
        `code=${sought.code.slice(-7)}`,
        'applicant=nguyen thi hong nhung',
        'applicant=Hồng Nhung',
        'idNumber=012345678901',
        'phone=0912345678',
        `procedureKey=${DISABILITY}`,
        'status=2',
        `from=${day('2027-05-31')}&to=${day('2027-06-01')}`,
        `dueFrom=${day('2027-06-01')}&dueTo=${day('2027-06-30')}`,
        'overdue=true',
        'q=hong nhung',
        `q=${sought.code}`,
        'q=012345678901',
      ]) {
        expect({ query, found: (await find('motcua.syt', query)).codes }).toEqual({ query, found: expect.arrayContaining([sought.code]) });
      }
    });

    it('given keys that don’t match, then it is not found; the total comes in X-Total-Count', async () => {
      expect((await find('motcua.syt', 'applicant=Trần Văn Bình')).codes).toEqual([]);
      expect((await find('motcua.syt', 'status=10')).codes).not.toContain(sought.code);
      const page = await find('motcua.syt', 'size=1');
      expect(page.codes).toHaveLength(1);
      expect(page.total).toBe(3); // the Department of Health's three: the checklist's, the sought one, the facility
    });

    it('given an officer of another agency, then the search never shows the Department of Health’s dossiers; a manager sees every agency’s', async () => {
      const agriculture = await find('chuyenvien.qlcl', 'applicant=Nguyen Thi Hong Nhung');
      expect(agriculture.rows.map((d: { agencyCode: string }) => d.agencyCode)).toEqual(['SNNMT']);
      expect((await find('quanly', 'idNumber=012345678901')).codes).toHaveLength(2);
    });

    it('given a row, then it says where the dossier is and who holds it', async () => {
      const [row] = (await find('motcua.syt', `code=${sought.code}`)).rows;
      expect(row).toEqual(expect.objectContaining({ applicantIdNumber: '012345678901', procedureCode: '1.001806', overdue: true, currentSteps: [expect.objectContaining({ name: expect.stringMatching(/^Tiếp nhận hồ sơ/), departmentCode: 'SYT_MOTCUA' })] }));
    });
  });

  describe('a printable form’s address opened in a browser without a login', () => {
    it('given the API address of a form, then a browser is sent to the app’s print page (which asks for the login); an API client still gets 401', async () => {
      // when
      const browser = await t.http.get('/api/documents/SYT-270607-0000001/06').set('Accept', 'text/html,application/xhtml+xml');
      const book = await t.http.get('/api/documents/tracking-book?agencyCode=SYT&from=2027-06-01&to=2027-06-30').set('Accept', 'text/html');
      const api = await t.http.get('/api/documents/SYT-270607-0000001/06').set('Accept', 'application/json');

      // then
      expect(browser.status).toBe(302);
      expect(browser.headers.location).toBe('/#/print/SYT-270607-0000001/06');
      expect(book.headers.location).toBe('/#/print/SYT/07?from=2027-06-01&to=2027-06-30');
      expect(api.status).toBe(401);
    });
  });
});

