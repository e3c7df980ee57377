import type { TranslationTable } from '../../shared/i18n.js';

/** Vietnamese for the shared header, registered by every page that shows it. */
export const viShell: TranslationTable = {
  Pages: 'Các trang',
  Tasks: 'Công việc',
  Dossiers: 'Tra cứu hồ sơ',
  'Tracking book': 'Sổ theo dõi',
  'Procedure designer': 'Thiết kế quy trình',
  'Compare versions': 'So sánh phiên bản',
  Reports: 'Báo cáo',
  'Working calendar': 'Lịch làm việc',
  'Log out': 'Đăng xuất',
};
