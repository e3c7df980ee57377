import type { Language } from '../../shared/i18n.js';

/**
 * Our rules run inside bpmnlint, which has no translation hook for messages with values in
 * them, so each rule is configured with the page language and words its own messages.
 */
const MESSAGES = {
  'step-department': {
    vi: 'Bước chưa có phòng ban xử lý (của bước hoặc của làn chứa bước)',
    en: 'Step has no department (its own or its lane’s)',
  },
  'step-allowance': {
    vi: 'Bước được tính thời hạn nhưng chưa có thời hạn xử lý (số ngày làm việc)',
    en: 'Counted step has no time allowance (working days)',
  },
  'step-allowance-negative': {
    vi: 'Thời hạn xử lý không được âm ({days})',
    en: 'Time allowance must not be negative ({days})',
  },
  'statutory-days-total': {
    vi: 'Tổng thời hạn các bước được tính là {total} ngày, khác thời hạn giải quyết theo quy định {statutory} ngày',
    en: 'Counted step allowances add up to {total} days, the statutory time is {statutory} days',
  },
  'removal-reason': {
    vi: 'Bước được đề xuất cắt giảm nhưng chưa nêu lý do',
    en: 'Step is flagged for removal without a reason',
  },
  'feel-condition-syntax': {
    vi: 'Điều kiện FEEL không hợp lệ tại ký tự {at}: {expression}',
    en: 'Invalid FEEL condition at character {at}: {expression}',
  },
  'feel-condition-doubled': {
    vi: 'Điều kiện FEEL có hai toán tử so sánh liền nhau: {expression}',
    en: 'FEEL condition has two comparison operators in a row: {expression}',
  },
  'multi-instance-source': {
    vi: 'Bước nhiều lượt chưa cho biết số lượt (loopCardinality) hoặc danh sách lặp (collection)',
    en: 'Multi-instance step says neither how many instances (loopCardinality) nor over which list (collection)',
  },
  'multi-instance-juel': {
    vi: 'Danh sách lặp viết bằng biểu thức Java (JUEL) {expression}: hãy ghi tên biến hoặc biểu thức FEEL',
    en: 'The collection {expression} is a Java (JUEL) expression: name a variable or write FEEL',
  },
  'feel-expression': {
    vi: 'Biểu thức FEEL không hợp lệ: {expression}',
    en: 'Invalid FEEL expression: {expression}',
  },
  'script-feel-only': {
    vi: 'Tác vụ kịch bản chỉ chạy FEEL (scriptFormat="feel"), không chạy {format}',
    en: 'Script tasks run FEEL only (scriptFormat="feel"), not {format}',
  },
  'business-rule-decision': {
    vi: 'Tác vụ quy tắc nghiệp vụ chưa nêu bảng quyết định (decisionRef) và biến nhận kết quả (resultVariable)',
    en: 'Business rule task names no decision (decisionRef) or no result variable (resultVariable)',
  },
} as const;

export type LintMessageKey = keyof typeof MESSAGES;

export interface OdRuleConfig {
  lang?: Language;
}

export function lintMessage(
  key: LintMessageKey,
  config: OdRuleConfig | undefined,
  values: Record<string, string | number> = {},
): string {
  const template: string = MESSAGES[key][config?.lang === 'en' ? 'en' : 'vi'];
  return template.replace(/{(\w+)}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
