import type { TranslationTable } from '../i18n.js';

/** Vietnamese for the one header of every page (navigation, notifications), registered by every page. */
export const viShell: TranslationTable = {
  Pages: 'Các trang',
  Tasks: 'Công việc',
  Dossiers: 'Tra cứu hồ sơ',
  'Tracking book': 'Sổ theo dõi',
  'Procedure designer': 'Thiết kế quy trình',
  'Compare versions': 'So sánh phiên bản',
  Reports: 'Báo cáo',
  'Working calendar': 'Lịch làm việc',
  Operations: 'Vận hành',
  'Log out': 'Đăng xuất',
  Administration: 'Quản trị hệ thống',
  'My account': 'Tài khoản của tôi',
  'Log in': 'Đăng nhập',
  Home: 'Trang chủ',
  Notifications: 'Thông báo',
  'No notifications.': 'Không có thông báo.',
  'Open the task': 'Mở công việc',
  'Open the dossier': 'Mở hồ sơ',
  'Write the apology letter': 'Lập văn bản xin lỗi',
  'Step overdue': 'Bước quá hạn',
  'Apology letter due': 'Cần văn bản xin lỗi',
  'Dossier returned': 'Hồ sơ bị trả lại',
  'Supplement requested': 'Yêu cầu bổ sung hồ sơ',
};
