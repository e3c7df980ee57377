import type { TranslationTable } from '../../shared/i18n.js';

/** Vietnamese for the simplify button, its messages and its result dialog. */
export const viSimplify: TranslationTable = {
  'Simplify procedure': 'Rút gọn quy trình',
  'Deploy a new version without the steps flagged for removal': 'Triển khai phiên bản mới, bỏ các bước được đề xuất cắt giảm',
  'Deploy the procedure or open a deployed version first: simplification starts from a deployed version.':
    'Hãy triển khai quy trình hoặc mở một phiên bản đã triển khai trước: việc rút gọn thực hiện trên phiên bản đã triển khai.',
  'No step is flagged “Proposed for removal”: flag the steps to cut in the Re-engineering section first.':
    'Chưa có bước nào được đánh dấu “Đề xuất cắt giảm”: hãy đánh dấu các bước cần cắt giảm ở mục Rà soát, cắt giảm.',
  'The diagram has changes that are not deployed. Simplify the deployed {key} version {version} by cutting the flagged steps? The other changes are not included.':
    'Sơ đồ có thay đổi chưa được triển khai. Rút gọn {key} phiên bản {version} đã triển khai bằng cách cắt giảm các bước được đánh dấu? Các thay đổi khác sẽ không được đưa vào.',
  'Simplifying…': 'Đang rút gọn quy trình…',
  'Simplified: {key} version {version} without {count} steps.': 'Đã rút gọn: {key} phiên bản {version}, bỏ {count} bước.',
  'The engine refused to simplify the procedure: {message} (see Problems)': 'Hệ thống từ chối rút gọn quy trình: {message} (xem mục Vấn đề)',
  'Your account may not simplify procedures (designer role needed).': 'Tài khoản của bạn không có quyền rút gọn quy trình (cần vai trò thiết kế quy trình).',
  'Simplification failed: {message}': 'Rút gọn quy trình thất bại: {message}',
  'Procedure simplified': 'Đã rút gọn quy trình',
  'New version: {key} version {version} (from version {from}).': 'Phiên bản mới: {key} phiên bản {version} (từ phiên bản {from}).',
  'Steps cut ({count})': 'Các bước đã cắt giảm ({count})',
  'Gateways no longer needed and removed: {ids}': 'Các cổng không còn cần thiết đã được bỏ: {ids}',
  Warnings: 'Lưu ý',
  'Compare the two versions': 'So sánh hai phiên bản',
  'Open version {version} here': 'Mở phiên bản {version} để chỉnh sửa',
};
