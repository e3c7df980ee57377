/** National portal dossier status codes (TrangThaiHoSo, docs/domain.md). */
export const PortalStatus = {
  NewlyRegistered: 1,
  Received: 2,
  NotReceived: 3,
  Processing: 4,
  SupplementRequested: 5,
  FinancialObligation: 6,
  Withdrawn: 7,
  Stopped: 8,
  Processed: 9,
  ResultReturned: 10,
} as const;

export type PortalStatusCode = (typeof PortalStatus)[keyof typeof PortalStatus];

export const PORTAL_STATUS_TEXT: Record<number, string> = {
  1: 'Mới đăng ký',
  2: 'Đã tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung hồ sơ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};
