import type { TranslationTable } from '../../shared/i18n.js';

/** Vietnamese for the strings of our own bpmn-js modules (properties, step table, problems). */
export const viOnedoor: TranslationTable = {
  // properties panel: procedure
  'Administrative procedure': 'Thủ tục hành chính',
  'Procedure code': 'Mã thủ tục (Mã TTHC)',
  'The national procedure code (Mã TTHC), e.g. 1.001806.': 'Mã thủ tục hành chính trên Cơ sở dữ liệu quốc gia, ví dụ 1.001806.',
  'Statutory time (working days)': 'Thời hạn giải quyết theo quy định (ngày làm việc)',
  'The counted step allowances should add up to it.': 'Tổng thời hạn các bước được tính phải bằng thời hạn này.',
  Field: 'Lĩnh vực',
  'Agency code': 'Mã cơ quan',
  'When a supplement is requested': 'Khi yêu cầu bổ sung hồ sơ',
  'Restart the clock (default)': 'Tính lại thời hạn từ đầu (mặc định)',
  'Restart the clock from zero on the complete dossier': 'Tính lại thời hạn từ đầu khi nhận đủ hồ sơ',
  'Pause the clock while waiting for the applicant': 'Tạm dừng tính thời hạn trong thời gian chờ bổ sung',
  'Enter a number of at least {min}.': 'Nhập một số không nhỏ hơn {min}.',

  // properties panel: lanes and steps
  Department: 'Phòng ban xử lý',
  'Steps in this lane without a department of their own go to this one.':
    'Các bước trong làn không ghi phòng ban riêng sẽ do phòng ban này xử lý.',
  'Department directory unavailable: type the department code.': 'Không tải được danh mục phòng ban: hãy nhập mã phòng ban.',
  '(from the lane: {department})': '(theo làn: {department})',
  '(none)': '(chưa chọn)',
  'not in the directory': 'không có trong danh mục',
  'Step of the procedure': 'Bước xử lý',
  // the step's form (issue #18)
  'Step form': 'Biểu mẫu của bước',
  '(new field)': '(trường mới)',
  'New field': 'Trường mới',
  Label: 'Nhãn hiển thị',
  'What the officer reads, in Vietnamese.': 'Cán bộ đọc nhãn này khi xử lý bước.',
  Variable: 'Biến',
  'The process variable the value goes to (what conditions read): letters, digits and _.': 'Biến của quy trình nhận giá trị (điều kiện rẽ nhánh đọc biến này): chữ cái, chữ số và dấu _.',
  Text: 'Văn bản',
  'Long text': 'Văn bản dài',
  Number: 'Số',
  Date: 'Ngày',
  'Yes / no': 'Có / không',
  'Choice from a list': 'Chọn trong danh sách',
  'Officer for a later step': 'Cán bộ xử lý bước sau',
  'Decision (buttons)': 'Quyết định (nút bấm)',
  Required: 'Bắt buộc',
  Options: 'Các lựa chọn',
  'value=Label pairs separated by |, e.g. dat=Đạt|khong-dat=Không đạt. A decision takes its choices from the gateway after the step when left empty.':
    'Các cặp giá trị=Nhãn cách nhau bởi |, ví dụ dat=Đạt|khong-dat=Không đạt. Để trống thì quyết định lấy các lựa chọn từ cổng rẽ nhánh sau bước.',
  'Assigns the step': 'Giao bước',
  'The id of the user task the picked officer will do (several ids separated by spaces).': 'Mã (id) của bước mà cán bộ được chọn sẽ xử lý (nhiều bước cách nhau bởi dấu cách).',
  Role: 'Vai trò',
  'One-stop desk officer (receives, returns results)': 'Cán bộ Một cửa (tiếp nhận, trả kết quả)',
  'Specialist (examines the dossier)': 'Chuyên viên (thẩm định hồ sơ)',
  'Head of division (assigns, reviews)': 'Lãnh đạo phòng (phân công, xem xét)',
  'Agency leader (approves, signs)': 'Lãnh đạo cơ quan (phê duyệt, ký)',
  'Clerk (registers, stamps, dispatches)': 'Văn thư (vào sổ, đóng dấu, phát hành)',
  'One-stop desk officer': 'Cán bộ Một cửa',
  Specialist: 'Chuyên viên',
  'Head of division': 'Lãnh đạo phòng',
  'Agency leader': 'Lãnh đạo cơ quan',
  Clerk: 'Văn thư',
  'Time allowance (working days)': 'Thời hạn xử lý (ngày làm việc)',
  '0.25 = 2 working hours, 0.5 = 4 working hours.': '0,25 = 2 giờ làm việc; 0,5 = 4 giờ làm việc.',
  'Counted in the statutory time': 'Tính vào thời hạn giải quyết',
  'Untick for steps outside the statutory time, such as returning the result.':
    'Bỏ chọn với các bước không tính vào thời hạn, ví dụ bước trả kết quả.',
  'Engine handler': 'Bộ xử lý của hệ thống',
  'Name of a handler registered in the engine; empty: the step does nothing.':
    'Tên bộ xử lý đã đăng ký trong hệ thống; để trống: bước không làm gì.',

  // properties panel: re-engineering
  'Re-engineering': 'Rà soát, cắt giảm',
  'Legal basis': 'Căn cứ pháp lý',
  'Compliance cost (VND)': 'Chi phí tuân thủ (đồng)',
  'What this step costs the applicant.': 'Chi phí người nộp hồ sơ phải bỏ ra cho bước này.',
  'Proposed for removal': 'Đề xuất cắt giảm',
  'Reason for removal': 'Lý do cắt giảm',
  'Required: a step flagged for removal cannot be deployed without it.':
    'Bắt buộc: bước được đề xuất cắt giảm phải nêu lý do mới triển khai được.',

  // properties panel: conditions
  Condition: 'Điều kiện',
  'Condition (FEEL)': 'Biểu thức điều kiện (FEEL)',
  'Department expression (FEEL)': 'Phòng ban theo biểu thức (FEEL)',
  'For a step sent to several departments: e.g. donVi, the element variable of the multi-instance. Replaces the department chosen above.':
    'Cho bước gửi nhiều phòng ban: ví dụ donVi, biến phần tử của bước nhiều lượt. Thay cho phòng ban chọn ở trên.',
  'Invalid FEEL expression.': 'Biểu thức FEEL không hợp lệ.',
  'Script (FEEL)': 'Kịch bản (FEEL)',
  'Evaluated against the dossier variables; the engine runs FEEL only, never JavaScript.': 'Tính trên các biến của hồ sơ; hệ thống chỉ chạy FEEL, không bao giờ chạy JavaScript.',
  'Instances of the step': 'Các lượt của bước',
  'Collection (variable or FEEL)': 'Danh sách lặp (biến hoặc FEEL)',
  'One instance per item, e.g. donViPhoiHop — the departments consulted.': 'Mỗi phần tử một lượt, ví dụ donViPhoiHop — các đơn vị được lấy ý kiến.',
  'Element variable': 'Biến phần tử',
  'What each instance calls its item, e.g. donVi; use it as the department expression.': 'Tên mà mỗi lượt dùng cho phần tử của mình, ví dụ donVi; dùng làm biểu thức phòng ban.',
  'Decision (DMN)': 'Bảng quyết định (DMN)',
  'Decision id': 'Mã bảng quyết định',
  'The id of a DMN decision table deployed with the procedure.': 'Mã của bảng quyết định DMN được triển khai cùng quy trình.',
  'Result variable': 'Biến nhận kết quả',
  'Result shape': 'Dạng kết quả',
  'Every matched rule (default)': 'Mọi quy tắc khớp (mặc định)',
  'One value': 'Một giá trị',
  'One rule’s outputs': 'Các đầu ra của một quy tắc',
  'One output of every matched rule': 'Một đầu ra của mọi quy tắc khớp',
  'Script': 'Kịch bản',
  'A FEEL expression over the dossier variables, e.g. approved = true. The leading "=" is optional.':
    'Biểu thức FEEL trên các biến của hồ sơ, ví dụ: dat = true. Dấu "=" ở đầu có thể bỏ.',
  'Invalid FEEL expression (at character {at}).': 'Biểu thức FEEL không hợp lệ (tại ký tự {at}).',
  'Two comparison operators in a row.': 'Có hai toán tử so sánh liền nhau.',

  // step table
  Step: 'Bước',
  'What is done': 'Nội dung công việc',
  'Time allowed (days)': 'Thời hạn (ngày)',
  Counted: 'Tính thời hạn',
  'Procedure code {code}': 'Mã TTHC {code}',
  'No steps yet: add user tasks to the diagram.': 'Chưa có bước nào: hãy thêm tác vụ người dùng vào sơ đồ.',
  'Total of counted steps': 'Tổng thời hạn các bước được tính',
  'does not match the total ({total} ≠ {statutory})': 'không khớp với tổng thời hạn các bước ({total} ≠ {statutory})',

  // problems list
  'No problems found.': 'Không phát hiện vấn đề nào.',
  'Refused by the engine': 'Hệ thống từ chối',
  Warning: 'Cảnh báo',
};
