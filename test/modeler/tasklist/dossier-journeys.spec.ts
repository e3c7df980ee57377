import { Desk } from './support/desk.js';
import { screenshot } from './support/tasklist-page.js';
import { browserHarness } from '../../support/browser-harness.js';

const DISABILITY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';
const PRACTICE = 'xac-nhan-qua-trinh-thuc-hanh-cong-tac-xa-hoi';
const FACILITY = 'dang-ky-co-so-tro-giup-xa-hoi-ngoai-cong-lap';
const FOOD_SAFETY = 'cap-gcn-co-so-du-dieu-kien-attp-nong-lam-thuy-san';
const VETERINARY = 'cap-chung-chi-hanh-nghe-thu-y';

/**
 * Issue #18: one dossier of every procedure in processes/ taken from reception to the returned
 * result through the pages and the steps' forms only — never a variable name — with an
 * assignment, a return, a supplement and a decision on the way. One engine, one browser.
 */
describe('the officer’s desk: a dossier of each procedure from reception to result', () => {
  const { page, server: engine } = browserHarness({ engine: { processes: true }, onePage: true });
  const desk = new Desk(engine, page);

  it('1.001806: the head of division picks the specialist, who sends it back once with a reason; signed, registered and returned', async () => {
    // given: received at the Department of Health's desk
    const code = await desk.receive('motcua.syt', DISABILITY, { name: 'Công ty TNHH Hoa Mai', idNumber: '0801234567', phone: '0912345678', notify: ['sms'] });
    await desk.work('motcua.syt', code, 'buoc-1-tiep-nhan', {}, { opinion: 'Hồ sơ đủ thành phần theo danh mục' });

    // when: the head of division picks the specialist on his step's form
    await desk.work('truongphong.btxh', code, 'buoc-2-phan-cong', { chuyenVienThuLy: 'chuyenvien.btxh' });

    // then: the step is hers, in her own list
    expect((await desk.dossier(code)).currentSteps).toEqual([expect.objectContaining({ elementId: 'buoc-3-tham-dinh', assignee: 'chuyenvien.btxh' })]);
    await desk.open('chuyenvien.btxh', '#/inbox/mine');
    await page.waitForSelector(`.od-inbox-body[data-filter="mine"] tr[data-dossier-code="${code}"]`);

    // when: she sends it back to him with a reason
    await desk.openStep('chuyenvien.btxh', code, 'buoc-3-tham-dinh');
    await page.click('[data-action="return"]');
    await page.fill('textarea[name="reason"]', 'Đề nghị phân công chuyên viên phụ trách lao động');
    await page.click('[data-action="confirm-return"]');
    await page.waitForSelector('.od-flash[data-kind="success"]');

    // then: he is told why, with a link to the step; the step is back in his hands
    await desk.open('truongphong.btxh', '#/inbox/mine');
    await page.click('[data-action="notifications"]');
    const notice = page.locator('.od-bell-panel li[data-kind="task-returned"]').first();
    expect(await notice.textContent()).toContain('Lý do: Đề nghị phân công chuyên viên phụ trách lao động');
    await notice.locator('a').click();
    await page.waitForSelector('.od-task-view[data-element-id="buoc-2-phan-cong"] .od-step-form');
    // the form starts from the earlier pick
    expect(await page.inputValue('select[name="chuyenVienThuLy"]')).toBe('chuyenvien.btxh');
    await desk.finish({}, { opinion: 'Giữ nguyên phân công; chuyên viên phối hợp phòng Lao động' });

    // when: the specialist examines it, with the numbers the decision rests on
    await desk.openStep('chuyenvien.btxh', code, 'buoc-3-tham-dinh');
    await page.fill('.od-step-form [name="tongSoLaoDong"]', 'bốn mươi');
    await page.click('.od-step-form [data-action="confirm-complete"]');
    expect(await page.locator('.od-field[data-field="tongSoLaoDong"] .od-field-error').textContent()).toBe('“Tổng số lao động của cơ sở” phải là một số.');
    await desk.finish({ ketQuaThamDinh: 'dat', tongSoLaoDong: '40', soLaoDongKhuyetTat: '15' }, { opinion: 'Đủ điều kiện: 15/40 lao động là người khuyết tật (37,5%)' });
    await desk.work('lanhdao.syt', code, 'buoc-5-phe-duyet', { soQuyetDinh: '125/QĐ-SYT', ngayKy: '2026-12-10' });
    await desk.work('vanthu.syt', code, 'buoc-6-van-thu', { soVaoSo: '125' });
    await desk.work('motcua.syt', code, 'buoc-7-tra-ket-qua', { hinhThucTraKetQua: 'truc-tiep' });

    // then: the result is returned; the control sheet keeps every opinion and the return's reason
    const dossier = await desk.dossier(code);
    expect(dossier.status).toBe(10);
    expect(dossier.steps.map((s) => `${s.elementId}:${s.outcome}:${s.assignee}`)).toEqual([
      'buoc-1-tiep-nhan:completed:motcua.syt',
      'buoc-2-phan-cong:completed:truongphong.btxh',
      'buoc-3-tham-dinh:returned:chuyenvien.btxh',
      'buoc-2-phan-cong:completed:truongphong.btxh',
      'buoc-3-tham-dinh:completed:chuyenvien.btxh',
      'buoc-5-phe-duyet:completed:lanhdao.syt',
      'buoc-6-van-thu:completed:vanthu.syt',
      'buoc-7-tra-ket-qua:completed:motcua.syt',
    ]);
    expect(dossier.steps[2].opinion).toBe('Đề nghị phân công chuyên viên phụ trách lao động');
    expect(dossier.steps[4].opinion).toBe('Đủ điều kiện: 15/40 lao động là người khuyết tật (37,5%)');
    // and: the applicant, who agreed to SMS at the desk, was told at reception and when the result was ready
    const notices = await engine.engine.db.query<{ event: string; channel: string; recipient: string }>(`SELECT event, channel, recipient FROM applicant_notice WHERE dossier_code = $1 ORDER BY id`, [code]);
    expect(notices).toEqual([
      { event: 'received', channel: 'sms', recipient: '0912345678' },
      { event: 'result_ready', channel: 'sms', recipient: '0912345678' },
    ]);

    // and: the dossier page tells it in words: the history and the diagram with who held each step
    await desk.open('motcua.syt', `#/dossier/${code}`);
    await page.waitForSelector('.od-diagram[data-loaded]');
    const history = await page.locator('[data-testid="history"]').textContent();
    expect(history).toContain('Chuyển trả từ “Thẩm định hồ sơ, dự thảo Quyết định, trình Lãnh đạo Sở” về “Phân công chuyên viên thụ lý”');
    expect(history).toContain('Lý do: Đề nghị phân công chuyên viên phụ trách lao động');
    const done = await page.locator('.od-diagram .djs-element.od-done').evaluateAll((els) => els.map((el) => el.getAttribute('data-element-id')));
    expect(done).toEqual(expect.arrayContaining(['buoc-1-tiep-nhan', 'buoc-2-phan-cong', 'buoc-3-tham-dinh', 'buoc-5-phe-duyet', 'buoc-6-van-thu', 'buoc-7-tra-ket-qua']));
    expect(await page.locator('.od-diagram .djs-connection.od-taken').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('.od-holder[data-element-id="buoc-3-tham-dinh"]').textContent()).toMatch(/^Hà Thị Thu Trang\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(Number(await page.locator('.od-diagram').getAttribute('data-scale'))).toBeGreaterThanOrEqual(0.85);
    await screenshot(page, 'dossier-page.png');
  });

  it('1.012990: the director decides with a button — there is no way to finish the step without choosing', async () => {
    // given
    const code = await desk.receive('motcua.ttctxh', PRACTICE, { name: 'Nguyễn Thị Mai', idNumber: '012345678901' });
    await desk.work('motcua.ttctxh', code, 'buoc-1-tiep-nhan');

    // when
    await desk.openStep('giamdoc.ttctxh', code, 'buoc-3-quyet-dinh');

    // then
    expect(await page.locator('.od-step-form [data-action="confirm-complete"]').count()).toBe(0);
    expect(await page.locator('.od-decision .od-choice').allTextContents()).toEqual(['Tiếp nhận người thực hành', 'Từ chối bằng văn bản']);
    await screenshot(page, 'decision-step.png');

    // when: accepted; the supervisor assesses; the director issues the certificate
    await desk.finish({}, { choice: 'true', opinion: 'Đồng ý tiếp nhận' });
    await desk.work('huongdan.ttctxh', code, 'buoc-4-danh-gia', { ketQuaDanhGia: 'dat', soGioThucHanh: '120' });
    await desk.work('giamdoc.ttctxh', code, 'buoc-5-cap-giay', { soGiayXacNhan: '37/GXN-TTCTXH' });

    // then
    expect((await desk.dossier(code)).status).toBe(10);
  });

  it('1.013814: the specialist asks for a supplement, the desk records it from the dossier page; the provincial office finishes its part; returned', async () => {
    // given
    const code = await desk.receive('motcua.syt', FACILITY, { name: 'Trung tâm Bảo trợ xã hội Bảo Lạc' });
    await desk.work('motcua.syt', code, 'buoc-1-tiep-nhan');
    await desk.work('truongphong.btxh', code, 'buoc-2-phan-cong', { chuyenVienThuLy: 'chuyenvien.btxh' });

    // when: the specialist lists what is missing
    await desk.openStep('chuyenvien.btxh', code, 'buoc-3-tham-dinh');
    await page.click('[data-action="request-supplement"]');
    await page.fill('textarea[name="missing"]', 'Phiếu lý lịch tư pháp của người đứng đầu cơ sở');
    await page.click('[data-action="confirm-supplement"]');
    await page.waitForSelector('[data-testid="waiting-supplement"]');

    // then: the desk is told, with the missing items, and records the supplement on the dossier page
    await desk.open('motcua.syt', '#/inbox/mine');
    await page.click('[data-action="notifications"]');
    const notice = page.locator('.od-bell-panel li[data-kind="supplement-requested"]').first();
    expect(await notice.textContent()).toContain('Phiếu lý lịch tư pháp của người đứng đầu cơ sở');
    await notice.locator('a').click();
    await page.waitForSelector(`.od-dossier-view[data-dossier-code="${code}"]`);
    await page.click('.od-dossier-actions [data-action="supplement-received"]');
    await page.waitForSelector('.od-flash[data-kind="success"]');

    // when: the Department of Health finishes its part, the provincial office its own
    await desk.work('chuyenvien.btxh', code, 'buoc-3-tham-dinh', { ketQuaThamDinh: 'dat' });
    await desk.work('lanhdao.syt', code, 'buoc-5-ky-to-trinh', { soToTrinh: '88/TTr-SYT' });
    await desk.work('vanthu.syt', code, 'buoc-6-van-thu');
    await desk.work('chuyenvien.kgvx', code, 'buoc-7-tham-dinh-trinh', { ketQuaThamDinhVp: 'trinh-ky' });
    await desk.work('vanthu.vpubnd', code, 'buoc-8-phat-hanh', { soQuyetDinhUbnd: '2015/QĐ-UBND' });
    await desk.work('motcua.syt', code, 'buoc-9-tra-ket-qua', { hinhThucTraKetQua: 'buu-chinh' });

    // then
    const dossier = await desk.dossier(code);
    expect(dossier.status).toBe(10);
    expect(dossier.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['supplement_requested', 'supplement_received']));
  });

  it('9.000101: one pick assigns the examination, the inspection and the draft; the inspection decides', async () => {
    // given
    const code = await desk.receive('motcua.snnmt', FOOD_SAFETY, { name: 'Hợp tác xã Nông nghiệp Phục Hòa' });
    await desk.work('motcua.snnmt', code, 'buoc-1-tiep-nhan');

    // when
    await desk.work('truongphong.qlcl', code, 'buoc-2-phan-cong', { chuyenVienThuLy: 'chuyenvien.qlcl' });
    await desk.work('chuyenvien.qlcl', code, 'buoc-3-tham-dinh-ho-so', { ketQuaThamDinh: 'dat', ngayDuKienThamDinh: '2026-12-15' });
    await desk.openStep('chuyenvien.qlcl', code, 'buoc-4-tham-dinh-thuc-te');
    expect(await page.locator('.od-decision-question').textContent()).toBe('Kết luận thẩm định thực tế');
    await desk.finish({ ngayThamDinhThucTe: '2026-12-15' }, { choice: 'true' });

    // then: every step of the pick was hers
    expect((await desk.dossier(code)).currentSteps).toEqual([expect.objectContaining({ elementId: 'buoc-5-du-thao', assignee: 'chuyenvien.qlcl' })]);

    // when
    await desk.work('chuyenvien.qlcl', code, 'buoc-5-du-thao');
    await desk.work('lanhdao.snnmt', code, 'buoc-7-phe-duyet', { soGiayChungNhan: '15/2026/NNPTNT-CB' });
    await desk.work('vanthu.snnmt', code, 'buoc-8-van-thu');
    await desk.work('motcua.snnmt', code, 'buoc-9-tra-ket-qua');

    // then
    expect((await desk.dossier(code)).status).toBe(10);
  });

  it('9.000102: with no assignment step the specialist claims it from the division’s list; returned', async () => {
    // given
    const code = await desk.receive('motcua.snnmt', VETERINARY, { name: 'Ông Lục Văn Hải' });
    await desk.work('motcua.snnmt', code, 'buoc-1-tiep-nhan');

    // when: the specialist finds it in the division's list and claims it
    await desk.open('chuyenvien.cnty', '#/inbox/candidate');
    await page.click(`.od-inbox-body[data-filter="candidate"] tr[data-dossier-code="${code}"] a.od-task-link`);
    await page.click('[data-action="claim"]');
    await page.waitForSelector('[data-action="unclaim"]');
    await desk.finish({ ketQuaThamDinh: 'dat' });
    await desk.work('lanhdao.snnmt', code, 'buoc-5-phe-duyet', { soChungChi: '07/CCHN-TY' });
    await desk.work('vanthu.snnmt', code, 'buoc-6-van-thu');
    await desk.work('motcua.snnmt', code, 'buoc-7-tra-ket-qua');

    // then
    expect((await desk.dossier(code)).status).toBe(10);
  });
});
