import { DossierFixtures, OTHER, vn } from './dossier-fixtures.js';

/** One dossier per state the forms must print in, all of the Department of Health, April 2027. */
export const CODES = {
  received: 'SYT-270405-0000001',
  processing: 'SYT-270401-0000001',
  supplement: 'SYT-270402-0000001',
  lateWithApology: 'SYT-270325-0000001',
  refused: 'SYT-270406-0000001',
  stopped: 'SYT-270403-0000001',
  returned: 'SYT-270329-0000001',
  oldCircular: 'SYT-240610-0000001',
  otherAgency: 'SNNMT-270405-0000001',
} as const;

export type State = Exclude<keyof typeof CODES, 'oldCircular' | 'otherAgency'>;
export const STATES = Object.keys(CODES).filter((k) => k !== 'oldCircular' && k !== 'otherAgency') as State[];

/** The moment the specs print at: Friday 9 April 2027, 10:00 in Vietnam. */
export const PRINTED_AT = vn('2027-04-09 10:00');

export const MISSING = ['Bản sao Giấy chứng nhận đăng ký doanh nghiệp', 'Danh sách lao động là người khuyết tật có xác nhận của cơ quan bảo hiểm xã hội'];
export const SUPPLEMENT_NOTE = 'Nộp bổ sung trực tiếp tại Bộ phận Một cửa Sở Y tế';
export const APOLOGY_REASON = 'Cần xác minh thực tế tại cơ sở sản xuất';
export const REFUSAL_REASON = 'Hồ sơ không thuộc thẩm quyền giải quyết của Sở Y tế';
export const STOP_REASON = 'Tổ chức có văn bản đề nghị dừng giải quyết hồ sơ';

const reception = { name: 'Tiếp nhận hồ sơ', departmentCode: 'SYT_MOTCUA', assignee: 'motcua.syt', allowanceDays: 0.5 };

export async function seedScenarios(f: DossierFixtures): Promise<void> {
  // Received, waiting at the desk; the desk listed the documents handed in.
  const received = await f.dossier({ code: CODES.received, status: 2, receivedAt: vn('2027-04-05 08:30'), legalDueAt: vn('2027-04-19 17:00') });
  await f.variable(received, 'documents', [{ name: 'Đơn đề nghị công nhận (Mẫu số 01)', copies: 1 }, 'Danh sách người lao động là người khuyết tật'], vn('2027-04-05 08:30'));
  await f.task(received, { ...reception, createdAt: vn('2027-04-05 08:30'), dueAt: vn('2027-04-05 11:30') });

  // Processing: finished on time, early and late, and a step still open past its due time.
  const processing = await f.dossier({ code: CODES.processing, status: 4, receivedAt: vn('2027-04-01 09:00'), legalDueAt: vn('2027-04-15 17:00') });
  await f.task(processing, { ...reception, createdAt: vn('2027-04-01 09:00'), dueAt: vn('2027-04-01 17:00'), endedAt: vn('2027-04-01 10:00') });
  await f.task(processing, { name: 'Phân công thụ lý', departmentCode: 'SYT_BTXH', assignee: 'truongphong.btxh', allowanceDays: 0.5, createdAt: vn('2027-04-01 10:00'), dueAt: vn('2027-04-02 11:30'), endedAt: vn('2027-04-01 16:05') });
  await f.task(processing, { name: 'Thẩm định hồ sơ', departmentCode: 'SYT_BTXH', assignee: 'chuyenvien.btxh', allowanceDays: 3, createdAt: vn('2027-04-01 16:05'), dueAt: vn('2027-04-06 17:00'), endedAt: vn('2027-04-07 09:15') });
  await f.task(processing, { name: 'Phê duyệt kết quả', departmentCode: 'SYT_LANHDAO', assignee: 'lanhdao.syt', allowanceDays: 1, createdAt: vn('2027-04-07 09:15'), dueAt: vn('2027-04-08 09:15') });

  // Supplement requested twice: only the latest request is printed.
  const supplement = await f.dossier({ code: CODES.supplement, status: 5, receivedAt: vn('2027-04-02 14:00'), legalDueAt: vn('2027-04-16 17:00') });
  await f.task(supplement, { ...reception, createdAt: vn('2027-04-02 14:00'), dueAt: vn('2027-04-02 17:00'), endedAt: vn('2027-04-02 14:30') });
  await f.task(supplement, { name: 'Thẩm định hồ sơ', departmentCode: 'SYT_BTXH', assignee: 'chuyenvien.btxh', allowanceDays: 3, createdAt: vn('2027-04-02 14:30'), dueAt: vn('2027-04-07 17:00') });
  await f.event(CODES.supplement, vn('2027-04-05 09:00'), 'supplement_requested', 'chuyenvien.btxh', { missing: ['Giấy tờ cũ đã nộp đủ'], note: 'Lần 1' });
  await f.event(CODES.supplement, vn('2027-04-06 10:15'), 'supplement_requested', 'chuyenvien.btxh', { missing: MISSING, note: SUPPLEMENT_NOTE });

  // Late: the agency apologised and set a new appointment.
  const late = await f.dossier({ code: CODES.lateWithApology, status: 4, receivedAt: vn('2027-03-25 10:00'), legalDueAt: vn('2027-04-08 17:00'), dueAt: vn('2027-04-15 17:00'), apologyCount: 1 });
  await f.task(late, { ...reception, createdAt: vn('2027-03-25 10:00'), dueAt: vn('2027-03-25 17:00'), endedAt: vn('2027-03-25 10:20') });
  await f.task(late, { name: 'Thẩm định hồ sơ', departmentCode: 'SYT_BTXH', assignee: 'chuyenvien.btxh', allowanceDays: 8, createdAt: vn('2027-03-25 10:20'), dueAt: vn('2027-04-06 17:00') });
  await f.event(CODES.lateWithApology, vn('2027-04-07 15:30'), 'apology', 'lanhdao.syt', { reason: APOLOGY_REASON, previousDueAt: vn('2027-04-08 17:00').toISOString(), newDueAt: vn('2027-04-15 17:00').toISOString() });

  // Refused at the desk.
  const refused = await f.dossier({ code: CODES.refused, status: 3, receivedAt: vn('2027-04-06 09:40'), legalDueAt: null, finishedAt: vn('2027-04-06 10:00'), instanceState: 'terminated' });
  await f.task(refused, { ...reception, createdAt: vn('2027-04-06 09:40'), dueAt: vn('2027-04-06 17:00'), endedAt: vn('2027-04-06 10:00'), outcome: 'canceled' });
  await f.event(CODES.refused, vn('2027-04-06 10:00'), 'refused', 'motcua.syt', { reason: REFUSAL_REASON });

  // Stopped at the applicant's request.
  const stopped = await f.dossier({ code: CODES.stopped, status: 8, receivedAt: vn('2027-04-03 08:00'), legalDueAt: vn('2027-04-19 17:00'), finishedAt: vn('2027-04-08 14:00'), instanceState: 'terminated' });
  await f.task(stopped, { ...reception, createdAt: vn('2027-04-03 08:00'), dueAt: vn('2027-04-05 11:30'), endedAt: vn('2027-04-05 08:10') });
  await f.task(stopped, { name: 'Thẩm định hồ sơ', departmentCode: 'SYT_BTXH', assignee: 'chuyenvien.btxh', allowanceDays: 3, createdAt: vn('2027-04-05 08:10'), dueAt: vn('2027-04-08 08:10'), endedAt: vn('2027-04-08 14:00'), outcome: 'canceled' });
  await f.event(CODES.stopped, vn('2027-04-08 14:00'), 'stopped', 'lanhdao.syt', { reason: STOP_REASON });

  // Result returned, early; one step went to the provincial People's Committee office (a called instance).
  const returned = await f.dossier({ code: CODES.returned, status: 10, receivedAt: vn('2027-03-29 08:15'), legalDueAt: vn('2027-04-12 17:00'), finishedAt: vn('2027-04-07 15:00'), returnedAt: vn('2027-04-08 08:00'), instanceState: 'completed' });
  await f.task(returned, { ...reception, createdAt: vn('2027-03-29 08:15'), dueAt: vn('2027-03-29 17:00'), endedAt: vn('2027-03-29 09:00') });
  await f.task(returned, { name: 'Thẩm định hồ sơ', departmentCode: 'SYT_BTXH', assignee: 'chuyenvien.btxh', allowanceDays: 3, createdAt: vn('2027-03-29 09:00'), dueAt: vn('2027-04-01 09:00'), endedAt: vn('2027-03-31 16:00') });
  const partner = await f.childInstance(returned, vn('2027-03-31 16:00'));
  await f.task(partner, { name: 'Thẩm tra hồ sơ liên thông', departmentCode: 'VPUBND_KGVX', assignee: 'chuyenvien.kgvx', allowanceDays: 2, createdAt: vn('2027-03-31 16:00'), dueAt: vn('2027-04-02 16:00'), endedAt: vn('2027-04-02 16:00') });
  await f.task(returned, { name: 'Trả kết quả', departmentCode: 'SYT_MOTCUA', assignee: 'motcua.syt', allowanceDays: null, createdAt: vn('2027-04-07 15:00'), dueAt: null, endedAt: vn('2027-04-08 08:00') });

  // Received in 2024, under Circular 01/2018.
  await f.dossier({ code: CODES.oldCircular, status: 10, receivedAt: vn('2024-06-10 09:00'), legalDueAt: vn('2024-06-24 17:00'), finishedAt: vn('2024-06-20 10:00'), returnedAt: vn('2024-06-21 08:00'), formVersion: 'TT01/2018', instanceState: 'completed' });
  await f.event(CODES.oldCircular, vn('2024-06-11 09:00'), 'refused', 'motcua.syt', { reason: 'Lý do theo mẫu cũ' });

  // Another agency's dossier in the same month: never in the Department of Health's book.
  await f.dossier({ code: CODES.otherAgency, status: 2, receivedAt: vn('2027-04-05 09:00'), legalDueAt: vn('2027-04-19 17:00'), agencyCode: OTHER.code, applicantName: 'Hợp tác xã Nà Giàng' });
}
