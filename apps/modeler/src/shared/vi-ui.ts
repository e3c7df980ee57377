import type { TranslationTable } from './i18n.js';

/** Vietnamese for the pages themselves: home page, login, toolbar, dialogs, messages. */
export const viUi: TranslationTable = {
  // login
  'Log in': 'Đăng nhập',
  'Log out': 'Đăng xuất',
  Username: 'Tên đăng nhập',
  Password: 'Mật khẩu',
  Cancel: 'Hủy',
  'Wrong username or password.': 'Sai tên đăng nhập hoặc mật khẩu.',
  'Cannot reach the server.': 'Không kết nối được máy chủ.',
  'Logged in as {name}': 'Đang đăng nhập: {name}',
  'Enter the 6-digit code your authenticator app shows.': 'Nhập mã 6 chữ số đang hiện trên ứng dụng xác thực của bạn.',
  'Authenticator code': 'Mã xác thực',
  Confirm: 'Xác nhận',
  'Start again': 'Đăng nhập lại từ đầu',
  'Too many failed sign-ins from this device. Try again in {seconds} seconds.': 'Đăng nhập sai nhiều lần từ thiết bị này. Vui lòng thử lại sau {seconds} giây.',
  'The sign-in has expired; start again.': 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại từ đầu.',
  'The code is wrong or was already used.': 'Mã xác thực không đúng hoặc đã được dùng.',
  'Sign in with your agency account': 'Đăng nhập bằng tài khoản cơ quan',
  or: 'hoặc',
  'Single sign-on failed: {reason}': 'Đăng nhập bằng tài khoản cơ quan không thành công: {reason}',

  // home page
  'OneDoor — electronic one-stop shop': 'OneDoor — Một cửa điện tử',
  'Administrative procedures under the one-stop-shop mechanism: design the internal procedures, receive and process dossiers on time.':
    'Giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông: thiết kế quy trình nội bộ, tiếp nhận và xử lý hồ sơ đúng hạn.',
  'Procedure designer': 'Thiết kế quy trình',
  'Draw an internal procedure, check it against the statutory time and deploy it.':
    'Vẽ quy trình nội bộ, đối chiếu với thời hạn giải quyết theo quy định và triển khai.',
  'Open the designer': 'Mở trình thiết kế',
  'Task list': 'Danh sách công việc',
  'Coming soon: the dossiers waiting for your department.': 'Sắp có: các hồ sơ đang chờ phòng ban của bạn xử lý.',
  'API documentation': 'Tài liệu API',

  // modeler toolbar
  'Procedure designer — OneDoor': 'Thiết kế quy trình — OneDoor',
  Home: 'Trang chủ',
  New: 'Mới',
  'New diagram': 'Sơ đồ mới',
  'Open file…': 'Mở tệp…',
  'Open a .bpmn file from this computer (Ctrl+O)': 'Mở tệp .bpmn từ máy tính (Ctrl+O)',
  'Open deployed…': 'Mở từ máy chủ…',
  'Open a version deployed on the engine': 'Mở một phiên bản đã triển khai trên máy chủ',
  'Download .bpmn': 'Tải .bpmn',
  'Save the diagram as BPMN 2.0 XML (Ctrl+S)': 'Lưu sơ đồ dạng BPMN 2.0 XML (Ctrl+S)',
  'Download .svg': 'Tải .svg',
  'Save the diagram as an image': 'Lưu sơ đồ dạng ảnh',
  Undo: 'Hoàn tác',
  Redo: 'Làm lại',
  'Undo (Ctrl+Z)': 'Hoàn tác (Ctrl+Z)',
  'Redo (Ctrl+Y)': 'Làm lại (Ctrl+Y)',
  Deploy: 'Triển khai',
  'Check and deploy the procedure to the engine': 'Kiểm tra và triển khai quy trình lên hệ thống',
  'Steps of the procedure': 'Bảng các bước',
  Problems: 'Vấn đề',

  // process defaults
  'New procedure': 'Quy trình mới',
  Start: 'Bắt đầu',
  End: 'Kết thúc',

  // messages
  'Opened {name}.': 'Đã mở {name}.',
  'Could not open {name}: {message}': 'Không mở được {name}: {message}',
  'Opened with {count} warnings: {first}': 'Đã mở, có {count} cảnh báo: {first}',
  'Checking and deploying…': 'Đang kiểm tra và triển khai…',
  'Deployed {key} version {version}.': 'Đã triển khai {key}, phiên bản {version}.',
  'Deployed.': 'Đã triển khai.',
  'Unchanged: {key} version {version} is identical, no new version made.':
    'Không thay đổi: {key} phiên bản {version} giống hệt, không tạo phiên bản mới.',
  'Not deployed: {count} errors to fix first (see Problems).': 'Chưa triển khai: còn {count} lỗi cần sửa (xem mục Vấn đề).',
  'The engine refused the procedure: {message}': 'Hệ thống từ chối quy trình: {message}',
  'Log in with an account allowed to deploy.': 'Hãy đăng nhập bằng tài khoản có quyền triển khai.',
  'Your account may not deploy procedures.': 'Tài khoản của bạn không có quyền triển khai quy trình.',
  'Deploy failed: {message}': 'Triển khai thất bại: {message}',
  'Could not load the deployed versions: {message}': 'Không tải được danh sách phiên bản: {message}',
  'Opened {key} version {version} from the engine.': 'Đã mở {key}, phiên bản {version} từ máy chủ.',
  'Discard the unsaved changes?': 'Bỏ các thay đổi chưa lưu?',

  // versions dialog
  'Open a deployed version': 'Mở phiên bản đã triển khai',
  'Annex (DOCX)': 'Phụ lục quy trình (DOCX)',
  Open: 'Mở',
  Name: 'Tên',
  Key: 'Mã quy trình',
  Version: 'Phiên bản',
  'Deployed at': 'Triển khai lúc',
  'Nothing has been deployed yet.': 'Chưa có quy trình nào được triển khai.',
  Close: 'Đóng',
};
