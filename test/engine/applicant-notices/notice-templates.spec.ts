import { noticeText, unaccented } from '../../../apps/engine/src/applicant-notices/notice-templates.js';
import { vietnamesePhone, } from '../../../apps/engine/src/applicant-notices/notice-channels.js';
import { zaloTemplates } from '../../../apps/engine/src/applicant-notices/notice-config.js';

const facts = { code: 'SYT-270503-0000001', procedureName: 'Công nhận cơ sở sử dụng lao động khuyết tật', applicantName: 'Nguyễn Thị Hoa', dueAt: new Date('2027-05-17T10:00:00Z') };

describe('notices to applicants', () => {
  it('given a dossier received, the notice names the dossier, the procedure and the appointment in Vietnam time', () => {
    const text = noticeText('received', facts);
    expect(text.subject).toBe('Hồ sơ SYT-270503-0000001 đã được tiếp nhận');
    expect(text.body).toBe('Hồ sơ SYT-270503-0000001 (Công nhận cơ sở sử dụng lao động khuyết tật) của ông/bà Nguyễn Thị Hoa đã được tiếp nhận. Thời gian hẹn trả kết quả: 17/05/2027 17:00.');
  });

  it('given a supplement request, the notice lists every missing paper at once and says the wait is not counted', () => {
    const text = noticeText('supplement_requested', { ...facts, missing: ['Bản sao giấy phép', 'Danh sách lao động'], note: 'Nộp trong 10 ngày' });
    expect(text.body).toContain('cần bổ sung, hoàn thiện: Bản sao giấy phép; Danh sách lao động. Ghi chú: Nộp trong 10 ngày.');
    expect(text.body).toContain('không tính vào thời hạn giải quyết');
  });

  it('given an apology, the notice gives the reason and the new appointment', () => {
    const text = noticeText('apology', { ...facts, reason: 'cần xác minh tại cơ sở', newDueAt: new Date('2027-05-20T10:00:00Z') });
    expect(text.body).toContain('(lý do: cần xác minh tại cơ sở). Thời gian hẹn trả kết quả mới: 20/05/2027 17:00.');
  });

  it('given any notice, its SMS carries no diacritics (brand-name SMS), keeping the case', () => {
    expect(noticeText('result_ready', facts).sms).toBe(
      'Ho so SYT-270503-0000001 (Cong nhan co so su dung lao dong khuyet tat) da co ket qua giai quyet. Moi ong/ba Nguyen Thi Hoa nhan ket qua tai Bo phan Tiep nhan va Tra ket qua hoac theo hinh thuc da dang ky.',
    );
    expect(unaccented('Đồng Đăng đường')).toBe('Dong Dang duong');
  });

  it('given phone numbers as people write them, gateways get 84…; Zalo templates are read per event', () => {
    expect(vietnamesePhone('0912 345 678')).toBe('84912345678');
    expect(vietnamesePhone('+84 912.345.678')).toBe('84912345678');
    expect(zaloTemplates('received=101, result_ready=102,unknown=9')).toEqual({ received: '101', result_ready: '102' });
  });
});
