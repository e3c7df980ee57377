import type { TranslationTable } from '../shared/i18n.js';

/** Vietnamese for the reports page (/reports/); the form's headings are those of Circular 01/2020. */
export const viReports: TranslationTable = {
  'Reports — OneDoor': 'Báo cáo — OneDoor',
  'Reports on administrative procedures': 'Báo cáo tình hình giải quyết thủ tục hành chính',
  'Procedure designer': 'Thiết kế quy trình',
  'Before and after simplification': 'So sánh quy trình trước và sau cắt giảm',
  'Reports are for managers: log in with a manager account.': 'Báo cáo dành cho cán bộ quản lý: hãy đăng nhập bằng tài khoản quản lý.',
  'Your account may not see reports: it needs the manager role.': 'Tài khoản của bạn không xem được báo cáo: cần vai trò quản lý.',
  'This report is not available on the server yet.': 'Máy chủ chưa cung cấp báo cáo này.',
  'Could not load the report: {message}': 'Không tải được báo cáo: {message}',
  'Loading…': 'Đang tải…',

  // period and grouping
  'Reporting period': 'Kỳ báo cáo',
  Period: 'Kỳ báo cáo',
  Quarter: 'Quý',
  Month: 'Tháng',
  Year: 'Năm',
  'From … to …': 'Từ ngày … đến ngày …',
  From: 'Từ ngày',
  To: 'Đến ngày',
  'Quarter {roman}': 'Quý {roman}',
  'Month {n}': 'Tháng {n}',
  'Period type': 'Loại kỳ',
  'Group by': 'Tổng hợp số liệu',
  'Rows by': 'Theo',
  'Unit (agency)': 'Đơn vị (cơ quan)',
  'Download CSV': 'Tải CSV',
  'Download Excel (XLSX)': 'Tải Excel (XLSX)',

  // form II.06a
  'Results of resolving administrative procedures (form II.06a)':
    'Tình hình, kết quả giải quyết thủ tục hành chính (Mẫu II.06a, Thông tư 01/2020/TT-VPCP)',
  'No.': 'STT',
  Unit: 'Đơn vị',
  Field: 'Lĩnh vực',
  'Dossiers received': 'Số hồ sơ nhận giải quyết',
  'Dossiers resolved': 'Số hồ sơ đã giải quyết',
  'Dossiers in progress': 'Số hồ sơ đang giải quyết',
  Other: 'Khác',
  Total: 'Tổng số',
  Online: 'Trực tuyến',
  'In person or by post': 'Trực tiếp, dịch vụ bưu chính',
  'Carried over from the previous period': 'Từ kỳ trước chuyển qua',
  'Before time': 'Trước hạn',
  'On time': 'Đúng hạn',
  Late: 'Quá hạn',
  'Within time': 'Trong hạn',
  Overdue: 'Quá hạn',
  'Waiting for a supplement': 'Chờ bổ sung',
  Withdrawn: 'Rút hồ sơ',
  'Processing stopped': 'Dừng giải quyết',
  'Grand total': 'Tổng cộng',
  '(not specified)': '(không xác định)',
  'No dossiers in this period.': 'Không có hồ sơ nào trong kỳ báo cáo.',

  // Decision 766 dashboard
  'Service quality indices (Decision 766/QĐ-TTg)': 'Chỉ số chất lượng phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)',
  Progress: 'Tiến độ giải quyết',
  'Online service': 'Dịch vụ trực tuyến',
  Transparency: 'Công khai, minh bạch',
  Overall: 'Điểm tổng hợp',
  'Resolved before time or on time, plus in progress within time, of all dossiers judged':
    'Hồ sơ giải quyết trước hạn, đúng hạn và đang giải quyết trong hạn trên tổng số hồ sơ',
  'Dossiers received online of all received in the period': 'Hồ sơ tiếp nhận trực tuyến trên tổng số hồ sơ tiếp nhận trong kỳ',
  'Dossiers synchronised to the national portal of all dossiers of the period':
    'Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia trên tổng số hồ sơ trong kỳ',
  'Points earned of the points attainable over the indices that have dossiers': 'Điểm đạt được trên điểm tối đa của các chỉ số có hồ sơ',
  'No dossiers to measure': 'Chưa có hồ sơ để tính',
  '{numerator} of {denominator} dossiers · {points} of {weight} points': '{numerator}/{denominator} hồ sơ · {points}/{weight} điểm',
  '{points} of {max} points': '{points}/{max} điểm',
};
