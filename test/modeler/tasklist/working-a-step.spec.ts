import { completeOverHttp, openTab, openTaskAt, receiveDossier } from './support/tasklist-page.js';
import { browserHarness } from '../../support/browser-harness.js';

const PRACTICE_CERTIFICATE = 'xac-nhan-qua-trinh-thuc-hanh-cong-tac-xa-hoi';
const SOCIAL_ASSISTANCE_FACILITY = 'dang-ky-co-so-tro-giup-xa-hoi-ngoai-cong-lap';

/** The other things an officer does on a step: ask for a supplement, hand out, decide; and a step of a called procedure. */
describe('task list: working a step', () => {
  const { page, server: engine, signIn } = browserHarness({ engine: { processes: true } });
  let admin: string;

  beforeAll(async () => {
    admin = await engine.login('admin');
  });

  const openFromDepartmentList = async (code: string) => {
    await openTab(page, 'candidate');
    await page.click(`tr[data-dossier-code="${code}"] a.od-task-link`);
    await page.waitForSelector('.od-task-view');
  };

  it('given an incomplete dossier, when the desk requests a supplement and later records it, then the dossier waits and resumes, and the step completes with the desk’s opinion', async () => {
    // given
    const dossier = await receiveDossier(engine, 'Công ty TNHH Thủ công Bảo Lâm');
    await signIn('motcua.syt');
    await openFromDepartmentList(dossier.code);

    // then: the first step offers no return (there is no step before it)
    expect(await page.locator('[data-action="return"]').count()).toBe(0);

    // when: the missing items are listed at once
    await page.click('[data-action="request-supplement"]');
    await page.fill('textarea[name="missing"]', 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp\n\nDanh sách người lao động là người khuyết tật');
    await page.fill('textarea[name="note"]', 'Nộp bổ sung trong 10 ngày');
    await page.click('[data-action="confirm-supplement"]');

    // then: the dossier waits; the step can't be completed, only the supplement recorded
    await page.waitForSelector('[data-testid="waiting-supplement"]');
    expect(await page.locator('.od-flash').textContent()).toContain('Đã yêu cầu bổ sung');
    expect(await page.locator('[data-testid="waiting-supplement"] li').allTextContents()).toEqual([
      'Bản sao Giấy chứng nhận đăng ký doanh nghiệp',
      'Danh sách người lao động là người khuyết tật',
    ]);
    expect(await page.locator('.od-dossier-card [data-field="status"]').textContent()).toBe('Yêu cầu bổ sung hồ sơ');
    expect(await page.locator('.od-step-form').count()).toBe(0);
    expect(await page.locator('[data-action="supplement-received"]').count()).toBe(1);
    // and: the control sheet row says what was asked
    expect(await page.locator('.od-control-sheet tr[data-element-id="buoc-1-tiep-nhan"]').textContent()).toContain('Yêu cầu bổ sung');

    // when: the applicant comes back; the desk records it from the "waiting" tab
    await page.click('[data-action="back"]');
    await page.click('.od-tab[data-tab="waiting"]');
    const row = page.locator(`tr[data-dossier-code="${dossier.code}"]`);
    await row.locator('[data-action="supplement-received"]').click();

    // then
    await page.waitForSelector('.od-flash[data-kind="success"]');
    expect(await page.locator('.od-flash').textContent()).toBe(`Đã ghi nhận bổ sung cho hồ sơ ${dossier.code}; hồ sơ được xử lý tiếp.×`);
    await row.waitFor({ state: 'detached' });
    expect((await engine.http.get(`/api/dossiers/${dossier.code}`).set('Authorization', admin)).body.waitingSince).toBeNull();

    // when: the step (now in her own list) is completed with her opinion
    await openTab(page, 'mine');
    await page.click(`tr[data-dossier-code="${dossier.code}"] a.od-task-link`);
    await page.fill('textarea[name="opinion"]', 'Hồ sơ đã đủ thành phần sau khi bổ sung');
    await page.click('[data-action="confirm-complete"]');

    // then: the opinion is in the control sheet; no variable was asked of her
    await page.waitForSelector('.od-flash[data-kind="success"]');
    const after = (await engine.http.get(`/api/dossiers/${dossier.code}`).set('Authorization', admin)).body;
    expect(after.steps[0]).toEqual(expect.objectContaining({ elementId: 'buoc-1-tiep-nhan', opinion: 'Hồ sơ đã đủ thành phần sau khi bổ sung' }));
    expect(after.currentSteps.map((s: { elementId: string }) => s.elementId)).toEqual(['buoc-2-phan-cong']);
  });

  it('given a specialist step nobody has claimed, when the head of division assigns it, then it is in the specialist’s own list', async () => {
    // given
    const dossier = await receiveDossier(engine, 'Hộ kinh doanh Lò Văn Sáng');
    await completeOverHttp(engine, 'motcua.syt', dossier.processInstanceId, 'buoc-1-tiep-nhan');
    await completeOverHttp(engine, 'truongphong.btxh', dossier.processInstanceId, 'buoc-2-phan-cong');
    await signIn('truongphong.btxh');
    await openFromDepartmentList(dossier.code);

    // when
    await page.click('[data-action="assign"]');
    await page.waitForSelector('select[name="username"]:not([disabled])');
    expect(await page.locator('select[name="username"] option').first().textContent()).toBe('— chọn —');
    expect(await page.locator('select[name="username"] option').nth(1).textContent()).toBe('Hà Thị Thu Trang');
    await page.selectOption('select[name="username"]', 'chuyenvien.btxh');
    await page.click('[data-action="confirm-assign"]');

    // then
    await page.waitForSelector('.od-flash[data-kind="success"]');
    expect(await page.locator('.od-task-meta').textContent()).toContain('Người xử lý: Hà Thị Thu Trang');
    expect((await openTaskAt(engine, 'chuyenvien.btxh', dossier.processInstanceId, 'buoc-3-tham-dinh')).assignee).toBe('chuyenvien.btxh');
    await signIn('chuyenvien.btxh');
    // The inbox loads after the sign-in: wait for the row before counting.
    const mine = `.od-inbox-body[data-filter="mine"] tr[data-dossier-code="${dossier.code}"]`;
    await page.waitForSelector(mine);
    expect(await page.locator(mine).count()).toBe(1);
    expect(await page.locator('[data-action="assign"], [data-action="receive-dossier"]').count()).toBe(0);
  });

  it('given a step before a gateway on `accepted`, when the director clicks “Từ chối bằng văn bản”, then the refusal branch runs', async () => {
    // given
    const dossier = await receiveDossier(engine, 'Nguyễn Thị Mai', PRACTICE_CERTIFICATE, 'motcua.ttctxh');
    await completeOverHttp(engine, 'motcua.ttctxh', dossier.processInstanceId, 'buoc-1-tiep-nhan');
    await signIn('giamdoc.ttctxh');
    await openFromDepartmentList(dossier.code);
    await page.waitForSelector('.od-diagram[data-loaded]');

    // then: the decision is buttons bound to the gateway, with no plain "complete" beside them
    const choices = page.locator('.od-decision .od-choice');
    expect(await page.locator('.od-decision-question').textContent()).toBe('Quyết định của Giám đốc');
    expect(await choices.allTextContents()).toEqual(['Tiếp nhận người thực hành', 'Từ chối bằng văn bản']);
    expect(await page.locator('[data-action="confirm-complete"]').count()).toBe(0);

    // when
    await page.fill('textarea[name="opinion"]', 'Cơ sở không đủ điều kiện tiếp nhận người thực hành');
    await page.click('.od-choice[data-choice="false"]');

    // then
    await page.waitForSelector('.od-flash[data-kind="success"]');
    const instance = (await engine.http.get(`/api/process-instances/${dossier.processInstanceId}`).set('Authorization', admin)).body;
    expect(instance.variables.accepted).toBe(false);
    expect(instance.activeActivityIds).toEqual(['tra-van-ban-tu-choi']);
  });

  it('given an inter-agency dossier at the provincial office’s called procedure, when its specialist opens the step, then the diagram is the called procedure’s with her step marked', async () => {
    // given: the Department of Health's part done, the dossier handed to the provincial PC office
    const dossier = await receiveDossier(engine, 'Cơ sở trợ giúp xã hội Hoa Sen', SOCIAL_ASSISTANCE_FACILITY);
    const steps: [string, string][] = [
      ['motcua.syt', 'buoc-1-tiep-nhan'],
      ['truongphong.btxh', 'buoc-2-phan-cong'],
      ['chuyenvien.btxh', 'buoc-3-tham-dinh'],
      ['lanhdao.syt', 'buoc-5-ky-to-trinh'],
      ['vanthu.syt', 'buoc-6-van-thu'],
    ];
    for (const [username, elementId] of steps) await completeOverHttp(engine, username, dossier.processInstanceId, elementId);
    await signIn('chuyenvien.kgvx');

    // when
    await openFromDepartmentList(dossier.code);
    await page.waitForSelector('.od-diagram[data-loaded]');

    // then: the called procedure, not the dossier's own
    expect(await page.locator('.od-task-view').getAttribute('data-element-id')).toBe('buoc-7-tham-dinh-trinh');
    expect(await page.locator('.od-diagram .djs-element.od-current').getAttribute('data-element-id')).toBe('buoc-7-tham-dinh-trinh');
    expect(await page.locator('.od-diagram .djs-element[data-element-id="buoc-8-phat-hanh"]').count()).toBe(1);
    expect(await page.locator('.od-diagram .djs-element[data-element-id="buoc-1-tiep-nhan"]').count()).toBe(0);
    expect(await page.locator('.od-task-meta').textContent()).toContain('Thẩm định liên thông tại Văn phòng UBND tỉnh');
    // and: the dossier belongs to the Department of Health; as a partner agency with a step of it she can read it
    expect(await page.locator(`.od-dossier-card[data-dossier-code="${dossier.code}"]`).getAttribute('data-readable')).not.toBe('false');
    // and: she completes it, and the provincial office's clerk has the next step
    await page.selectOption('select[name="ketQuaThamDinhVp"]', 'trinh-ky');
    await page.click('[data-action="confirm-complete"]');
    await page.waitForSelector('.od-flash[data-kind="success"]');
    const dossierNow = (await engine.http.get(`/api/dossiers/${dossier.code}`).set('Authorization', admin)).body;
    expect(dossierNow.currentSteps.map((s: { elementId: string }) => s.elementId)).toEqual(['buoc-8-phat-hanh']);
  });
});
