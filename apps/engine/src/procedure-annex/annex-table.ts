import type { StepView } from '../queries/definition-queries.js';

/**
 * The internal procedure as a chairman's decision publishes it in its annex: numbered steps with
 * what is done, who does it and in how long, the total, and the legal basis. Built from the
 * deployed version's steps in flow order (the same list `GET /process-definitions/{id}/steps`
 * gives), with department codes turned into names and role codes into the titles officials read.
 */
export interface AnnexRow {
  number: number;
  elementId: string;
  /** Nội dung công việc: the step's name in the diagram. */
  content: string;
  /** Đơn vị thực hiện: the department's name (a consultation lists its departments). */
  unit: string;
  /** Người thực hiện: the role's title, e.g. "Chuyên viên". */
  role: string;
  allowanceDays: number | null;
  /** Thời gian thực hiện, as printed: "0,5 ngày làm việc", "2 giờ làm việc", or "Không tính" for uncounted steps. */
  time: string;
  counted: boolean;
  legalBasis: string | null;
}

export interface AnnexTable {
  definitionId: string;
  key: string;
  version: number;
  procedureCode: string | null;
  procedureName: string;
  /** The agency that runs the procedure (root of the first step's department). */
  agencyName: string | null;
  statutoryDays: number | null;
  rows: AnnexRow[];
  /** Sum of the counted steps' allowances. */
  totalDays: number;
  /** "Tổng thời gian: 10 ngày làm việc". */
  totalText: string;
  /** Distinct legal bases cited by the steps, in order of first citation. */
  legalBases: string[];
}

export interface AnnexSource {
  definition: { id: string; key: string; version: number; name: string | null; procedureCode: string | null; statutoryDays: number | null };
  steps: readonly StepView[];
  /** Department code → name. */
  departmentNames: ReadonlyMap<string, string>;
  agencyName: string | null;
}

/** Titles of the step roles (od:role) as decisions print them; an unknown code prints as written. */
export const ROLE_TITLES: Readonly<Record<string, string>> = {
  reception: 'Công chức tiếp nhận và trả kết quả',
  head: 'Lãnh đạo phòng',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo cơ quan',
  clerk: 'Văn thư',
  supervisor: 'Người hướng dẫn thực hành',
};

/** A working day is 8 working hours on the calendar (libs/working-calendar's day schedule). */
const HOURS_PER_DAY = 8;

export function buildAnnexTable(source: AnnexSource): AnnexTable {
  const { definition } = source;
  const rows = source.steps.map((step, index): AnnexRow => ({
    number: index + 1,
    elementId: step.elementId,
    content: step.name?.trim() || step.elementId,
    unit: unitOf(step, source.departmentNames),
    role: step.role ? (ROLE_TITLES[step.role] ?? step.role) : '',
    allowanceDays: step.allowanceDays,
    time: stepTime(step.allowanceDays, step.counted),
    counted: step.counted,
    legalBasis: step.legalBasis,
  }));
  const totalDays = roundDays(rows.filter((r) => r.counted).reduce((sum, r) => sum + (r.allowanceDays ?? 0), 0));
  return {
    definitionId: definition.id,
    key: definition.key,
    version: definition.version,
    procedureCode: definition.procedureCode,
    procedureName: definition.name?.trim() || definition.key,
    agencyName: source.agencyName,
    statutoryDays: definition.statutoryDays,
    rows,
    totalDays,
    totalText: `Tổng thời gian: ${durationText(totalDays)}`,
    legalBases: [...new Set(rows.map((r) => r.legalBasis).filter((b): b is string => !!b))],
  };
}

/** "0,5 ngày làm việc"; under a day in hours ("2 giờ làm việc"), as the decisions write short steps. */
export function durationText(days: number): string {
  if (days > 0 && days < 1) {
    const hours = roundDays(days * HOURS_PER_DAY);
    return `${vietnameseNumber(hours)} giờ làm việc`;
  }
  return `${vietnameseNumber(roundDays(days))} ngày làm việc`;
}

export function stepTime(allowanceDays: number | null, counted: boolean): string {
  if (!counted) return 'Không tính vào thời gian giải quyết';
  if (allowanceDays === null) return 'Chưa quy định';
  return durationText(allowanceDays);
}

/** Vietnamese writes a decimal comma: 0,5 and 1,75. */
export function vietnameseNumber(n: number): string {
  return String(roundDays(n)).replace('.', ',');
}

function roundDays(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function unitOf(step: StepView, names: ReadonlyMap<string, string>): string {
  const name = (code: string) => names.get(code) ?? code;
  if (step.departmentCodes?.length) return step.departmentCodes.map(name).join('; ');
  if (step.departmentExpression) return 'Các đơn vị phối hợp (theo hồ sơ)';
  return step.departmentCode ? name(step.departmentCode) : '';
}
