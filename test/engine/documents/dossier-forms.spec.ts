import { Database } from '../../../apps/engine/src/persistence/database.js';
import { DossierDocumentQuery } from '../../../apps/engine/src/queries/documents/dossier-document-query.js';
import { renderDossierForm } from '../../../apps/engine/src/documents/render-dossier-form.js';
import { renderTrackingBook } from '../../../apps/engine/src/documents/forms/tracking-book.js';
import { TrackingBookQuery } from '../../../apps/engine/src/queries/documents/tracking-book-query.js';
import type { FormKey } from '../../../apps/engine/src/documents/form-set.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { AGENCY, DossierFixtures, OTHER, PARTNER, PROCEDURE } from './dossier-fixtures.js';
import { APOLOGY_REASON, CODES, MISSING, PRINTED_AT, REFUSAL_REASON, STATES, STOP_REASON, SUPPLEMENT_NOTE, seedScenarios } from './dossier-scenarios.js';
import { tableRows, textContent } from './text-content.js';

const TITLES: Record<Exclude<FormKey, '07'>, string> = {
  '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ',
  '04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  '05': 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
  '06': 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
};

describe('forms 01–07 printed from the dossier data', () => {
  let db: TestDatabase;
  let query: DossierDocumentQuery;
  let books: TrackingBookQuery;
  const print = async (code: string, form: Exclude<FormKey, '07'>) => renderDossierForm(form, await query.load(code, PRINTED_AT));
  const text = async (code: string, form: Exclude<FormKey, '07'>) => textContent(await print(code, form));

  beforeAll(async () => {
    db = await createTestDatabase();
    const database = new Database(db.dataSource);
    const fixtures = new DossierFixtures(database);
    await fixtures.organisation();
    await seedScenarios(fixtures);
    query = new DossierDocumentQuery(database);
    books = new TrackingBookQuery(database);
  });
  afterAll(() => db.close());

  describe.each(STATES)('given a dossier that is %s', (state) => {
    it.each(Object.keys(TITLES) as Exclude<FormKey, '07'>[])('when form %s is printed, then it is a complete Vietnamese document about that dossier', async (form) => {
      const html = await print(CODES[state], form);
      const body = textContent(html);
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain('size: A4');
      expect(body).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(body).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(body).toContain('SỞ Y TẾ TỈNH CAO BẰNG');
      expect(body).toContain(TITLES[form]);
      expect(body).toContain(CODES[state]);
      expect(body).toContain('Thông tư số 03/2025/TT-VPCP');
      expect(body).toMatch(/Ngày \S+ tháng \S+ năm \S+/);
      expect(body).not.toMatch(/undefined|null|NaN|\[object/);
    });
  });

  it('given a received dossier with documents listed, when form 01 is printed, then it shows applicant, procedure, documents, receipt time and appointment', async () => {
    const body = await text(CODES.received, '01');
    expect(body).toContain('Mã hồ sơ: SYT-270405-0000001');
    expect(body).toContain('Bộ phận Một cửa đã tiếp nhận hồ sơ của: Công ty TNHH Hoa Mai');
    expect(body).toContain(`${PROCEDURE.name} (${PROCEDURE.code})`);
    expect(body).toContain('1 Đơn đề nghị công nhận (Mẫu số 01) 1');
    expect(body).toContain('2 Danh sách người lao động là người khuyết tật');
    expect(body).toContain('Thời hạn giải quyết theo quy định: 10 ngày làm việc');
    expect(body).toContain('Thời điểm tiếp nhận hồ sơ: 08 giờ 30 phút, ngày 05 tháng 4 năm 2027');
    expect(body).toContain('Hẹn trả kết quả vào lúc: 17 giờ 00 phút, ngày 19 tháng 4 năm 2027');
    expect(body).toContain('Ngày 05 tháng 4 năm 2027');
    expect(body).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Nguyễn Thị Lan');
  });

  it('given a dossier without listed documents, when form 01 is printed, then it has no document table', async () => {
    expect(tableRows(await print(CODES.processing, '01'))).toEqual([]);
  });

  it('given two supplement requests, when form 02 is printed, then every missing item of the latest is listed at once, with its note and number', async () => {
    const body = await text(CODES.supplement, '02');
    for (const item of MISSING) expect(body).toContain(item);
    expect(body).not.toContain('Giấy tờ cũ đã nộp đủ');
    expect(body).toContain(SUPPLEMENT_NOTE);
    expect(body).toContain(`Số: ${CODES.supplement}/YCBS-2`);
    expect(body).toContain('Ngày 06 tháng 4 năm 2027');
    expect(body).toContain('NGƯỜI HƯỚNG DẪN (Ký và ghi rõ họ tên) Trần Thị Minh Thư');
  });

  it('given a refused dossier, when form 03 is printed, then it gives the reason', async () => {
    const body = await text(CODES.refused, '03');
    expect(body).toContain(`Lý do: ${REFUSAL_REASON}`);
    expect(body).toContain(`Số: ${CODES.refused}/TCHS`);
    expect(body).toContain('Ngày 06 tháng 4 năm 2027');
  });

  it('given a late dossier with an apology, when form 04 is printed, then it gives the reason, the previous and the new appointment', async () => {
    const body = await text(CODES.lateWithApology, '04');
    expect(body).toContain('Kính gửi: Công ty TNHH Hoa Mai');
    expect(body).toContain(`Lý do chậm trả kết quả: ${APOLOGY_REASON}`);
    expect(body).toContain('Thời hạn trả kết quả đã hẹn: 17 giờ 00 phút, ngày 08 tháng 4 năm 2027');
    expect(body).toContain('hẹn lại thời gian trả kết quả vào lúc: 17 giờ 00 phút, ngày 15 tháng 4 năm 2027');
    expect(body).toContain('Ngày 07 tháng 4 năm 2027');
  });

  it('given a stopped dossier, when form 05 is printed, then it gives the reason and when processing stopped', async () => {
    const body = await text(CODES.stopped, '05');
    expect(body).toContain(`Lý do dừng giải quyết: ${STOP_REASON}`);
    expect(body).toContain('Thời điểm dừng giải quyết: 14 giờ 00 phút, ngày 08 tháng 4 năm 2027');
  });

  it('given a dossier with no such event, when forms 02–05 are printed, then they are the blank paper forms, pre-filled with the dossier', async () => {
    const body = await text(CODES.received, '03');
    expect(body).toContain('Lý do: …………………………');
    expect(body).toContain('Ngày …… tháng …… năm ……');
  });

  it('given a dossier in processing, when form 06 is printed, then each hand-off has from, to, time to the minute and its result', async () => {
    const rows = tableRows(await print(CODES.processing, '06'));
    expect(rows).toEqual([
      '1 Tiếp nhận hồ sơ Tổ chức, cá nhân nộp hồ sơ Công ty TNHH Hoa Mai Bộ phận Tiếp nhận và Trả kết quả (Sở Y tế) Nguyễn Thị Lan 09 giờ 00 phút, ngày 01 tháng 4 năm 2027 0,5 ngày làm việc 17:00 01/04/2027 Đúng hạn Hoàn thành: 10:00 01/04/2027',
      '2 Phân công thụ lý Bộ phận Tiếp nhận và Trả kết quả (Sở Y tế) Nguyễn Thị Lan Phòng Bảo trợ xã hội và Trẻ em Lê Văn Hùng 10 giờ 00 phút, ngày 01 tháng 4 năm 2027 0,5 ngày làm việc 11:30 02/04/2027 Trước hạn Hoàn thành: 16:05 01/04/2027',
      '3 Thẩm định hồ sơ Phòng Bảo trợ xã hội và Trẻ em Lê Văn Hùng Phòng Bảo trợ xã hội và Trẻ em Trần Thị Minh Thư 16 giờ 05 phút, ngày 01 tháng 4 năm 2027 3 ngày làm việc 17:00 06/04/2027 Quá hạn Hoàn thành: 09:15 07/04/2027',
      '4 Phê duyệt kết quả Phòng Bảo trợ xã hội và Trẻ em Trần Thị Minh Thư Lãnh đạo Sở Y tế Hoàng Văn Đức 09 giờ 15 phút, ngày 07 tháng 4 năm 2027 1 ngày làm việc 09:15 08/04/2027 Đang giải quyết, đã quá hạn',
    ]);
  });

  it('given an inter-agency dossier, when form 06 is printed, then the called instance’s steps are in order and the partner agency is named', async () => {
    const html = await print(CODES.returned, '06');
    expect(textContent(html)).toContain(`Cơ quan phối hợp giải quyết hồ sơ: ${PARTNER.name}`);
    const rows = tableRows(html);
    const steps = ['Tiếp nhận hồ sơ', 'Thẩm định hồ sơ', 'Thẩm tra hồ sơ liên thông', 'Trả kết quả'];
    expect(rows).toHaveLength(steps.length);
    steps.forEach((step, i) => expect(rows[i].startsWith(`${i + 1} ${step} `)).toBe(true));
    expect(rows[2]).toContain('Phòng Bảo trợ xã hội và Trẻ em Trần Thị Minh Thư Phòng Khoa giáo – Văn xã Đàm Thị Hòa');
    expect(rows[2]).toContain('Đúng hạn');
    expect(rows[3]).toContain('Phòng Khoa giáo – Văn xã Đàm Thị Hòa Bộ phận Tiếp nhận và Trả kết quả (Sở Y tế) Nguyễn Thị Lan');
  });

  it('given a stopped dossier, when form 06 is printed, then the step cut short has no result and says why', async () => {
    const rows = tableRows(await print(CODES.stopped, '06'));
    expect(rows[1]).toMatch(/Thẩm định hồ sơ .* Dừng xử lý: 14:00 08\/04\/2027$/);
    expect(rows[1]).not.toMatch(/Trước hạn|Đúng hạn|Quá hạn/);
  });

  it('given the agency’s dossiers of April 2027, when form 07 is printed, then it registers each in order of receipt with due, returned and result', async () => {
    const book = await books.load(AGENCY.code, '2027-04-01', '2027-04-30', PRINTED_AT);
    const html = renderTrackingBook(book, book.formVersion);
    const body = textContent(html);
    expect(body).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(body).toContain('Từ ngày 01/04/2027 đến ngày 30/04/2027');
    expect(body).toContain('Tổng số hồ sơ: 5');
    expect(html).toContain('size: A4 landscape');
    const rows = tableRows(html);
    expect(rows.map((r) => r.split(' ')[1])).toEqual([CODES.processing, CODES.supplement, CODES.stopped, CODES.received, CODES.refused]);
    expect(rows[0]).toContain('09:00 01/04/2027 17:00 15/04/2027');
    expect(rows[2]).toContain('Dừng xử lý');
    expect(rows[4]).toContain('Không được tiếp nhận');
    expect(body).not.toContain(OTHER.code);
  });

  it('given a period with returned and apologised dossiers, when form 07 is printed, then results come from the one timeliness rule and apologies are noted', async () => {
    const book = await books.load(AGENCY.code, '2027-03-01', '2027-03-31', PRINTED_AT);
    const rows = tableRows(renderTrackingBook(book, book.formVersion));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(CODES.lateWithApology);
    expect(rows[0]).toContain('17:00 15/04/2027');
    expect(rows[0]).toContain('Đã xin lỗi, hẹn lại: 1');
    expect(rows[1]).toContain(`${CODES.returned} Công ty TNHH Hoa Mai`);
    expect(rows[1]).toContain('08:00 08/04/2027 Đã trả kết quả – Trước hạn');
  });

  it('given a period without dossiers, when form 07 is printed, then it says so', async () => {
    const book = await books.load(AGENCY.code, '2027-05-01', '2027-05-31', PRINTED_AT);
    expect(textContent(renderTrackingBook(book, book.formVersion))).toContain('Không có hồ sơ nào được tiếp nhận trong kỳ. Tổng số hồ sơ: 0');
  });
});
