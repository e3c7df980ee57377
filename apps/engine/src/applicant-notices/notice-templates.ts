import { vietnameseTime } from '../documents/vietnamese-time.js';

/** The moments an applicant is told about (issue #24): reception, a supplement asked, the result ready, an apology. */
export type NoticeEvent = 'received' | 'supplement_requested' | 'result_ready' | 'apology';

export const NOTICE_EVENTS: readonly NoticeEvent[] = ['received', 'supplement_requested', 'result_ready', 'apology'];

export interface NoticeFacts {
  code: string;
  procedureName: string | null;
  applicantName: string;
  dueAt: Date | null;
  /** What the event adds: the missing papers, the new appointment, the apology's reason. */
  missing?: string[];
  note?: string | null;
  newDueAt?: Date | null;
  reason?: string | null;
}

/** The line that sends the applicant to the public lookup page (added at delivery, where the address is configured). */
export function lookupLine(publicUrl: string, code: string): string {
  return ` Tra cứu: ${publicUrl.replace(/\/+$/, '')}/tra-cuu?code=${encodeURIComponent(code)}`;
}

export interface NoticeText {
  subject: string;
  /** The e-mail and Zalo text, with diacritics. */
  body: string;
  /**
   * The SMS: without diacritics, as brand-name SMS are sent in Vietnam (an accented message is
   * sent as Unicode, 70 characters a part instead of 160, and some carriers refuse it).
   */
  sms: string;
}

/** The texts of one notice, in Vietnamese, addressed the way agencies write to applicants. */
export function noticeText(event: NoticeEvent, f: NoticeFacts): NoticeText {
  const procedure = f.procedureName ? ` (${f.procedureName})` : '';
  const day = (d: Date | null | undefined) => (d ? vietnameseTime.dayTime(d) : 'chưa xác định');
  let subject: string;
  let line: string;
  switch (event) {
    case 'received':
      subject = `Hồ sơ ${f.code} đã được tiếp nhận`;
      line = `Hồ sơ ${f.code}${procedure} của ông/bà ${f.applicantName} đã được tiếp nhận. Thời gian hẹn trả kết quả: ${day(f.dueAt)}.`;
      break;
    case 'supplement_requested':
      subject = `Hồ sơ ${f.code} cần bổ sung`;
      line =
        `Hồ sơ ${f.code}${procedure} cần bổ sung, hoàn thiện: ${(f.missing ?? []).join('; ') || 'theo phiếu yêu cầu bổ sung'}.` +
        `${f.note ? ` Ghi chú: ${f.note}.` : ''} Thời gian chờ bổ sung không tính vào thời hạn giải quyết.`;
      break;
    case 'result_ready':
      subject = `Hồ sơ ${f.code} đã có kết quả`;
      line = `Hồ sơ ${f.code}${procedure} đã có kết quả giải quyết. Mời ông/bà ${f.applicantName} nhận kết quả tại Bộ phận Tiếp nhận và Trả kết quả hoặc theo hình thức đã đăng ký.`;
      break;
    case 'apology':
      subject = `Thư xin lỗi về hồ sơ ${f.code}`;
      line = `Cơ quan giải quyết xin lỗi ông/bà ${f.applicantName} vì hồ sơ ${f.code}${procedure} chưa có kết quả đúng hẹn${f.reason ? ` (lý do: ${f.reason})` : ''}. Thời gian hẹn trả kết quả mới: ${day(f.newDueAt)}.`;
      break;
  }
  return { subject, body: line, sms: unaccented(line) };
}

/** "Hồ sơ đã được tiếp nhận" → "Ho so da duoc tiep nhan": every mark dropped, đ/Đ to d/D, case kept. */
export function unaccented(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
