import type { Dashboard } from '../queries/reports/dashboard.js';

const BOM = '\uFEFF';

/** The indices in the order and words managers read them in (Decision 766 groups). */
export const DASHBOARD_INDEX_LABELS: Record<keyof Dashboard['indices'], string> = {
  progress: 'Tiến độ giải quyết',
  online: 'Dịch vụ trực tuyến',
  transparency: 'Công khai, minh bạch (đồng bộ Cổng DVC quốc gia)',
  digitisation: 'Số hóa thành phần hồ sơ',
  electronicResult: 'Trả kết quả điện tử',
  reuse: 'Tái sử dụng giấy tờ đã số hóa',
  satisfaction: 'Mức độ hài lòng',
  onlinePayment: 'Thanh toán trực tuyến',
};

/**
 * The Decision 766 dashboard as CSV (BOM for Excel, CRLF): one line per index with its
 * numerator, denominator, rate (%), weight and points, the overall score last.
 */
export function dashboardCsv(dashboard: Dashboard): string {
  const number = (x: number | null) => (x === null ? '' : String(x));
  const lines = [
    ['Kỳ báo cáo', dashboard.period.label],
    ['Chỉ số', 'Tử số', 'Mẫu số', 'Tỷ lệ (%)', 'Điểm tối đa', 'Điểm đạt'],
    ...(Object.keys(DASHBOARD_INDEX_LABELS) as (keyof Dashboard['indices'])[]).map((key) => {
      const i = dashboard.indices[key];
      return [DASHBOARD_INDEX_LABELS[key], number(i.numerator), number(i.denominator), i.value === null ? '' : String(Math.round(i.value * 10_000) / 100), number(i.weight), number(i.points)];
    }),
    ['Tổng điểm', '', '', number(dashboard.overall.score), number(dashboard.overall.maxPoints), number(dashboard.overall.points)],
  ];
  return BOM + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
