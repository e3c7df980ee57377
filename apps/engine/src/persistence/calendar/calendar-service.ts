import { WorkingCalendar, type CalendarOverride } from '@onedoor/working-calendar';
import type { Database } from '../database.js';
import { DomainError, ErrorCode } from '../../shared/domain-error.js';

export interface OverrideInput {
  date: string;
  kind: 'holiday' | 'day_off' | 'working_day';
  name: string;
}

/**
 * The working calendar in force: the law (date-holidays + rules) plus the yearly overrides an
 * administrator records (Tết swaps, make-up Saturdays). Kept in memory; reloaded after a change
 * here and every minute, so other engine nodes pick up an edit within a minute.
 */
export class CalendarService {
  private calendar = WorkingCalendar.vietnam();
  private loadedAt = 0;
  private reloading?: Promise<void>;

  constructor(
    private readonly db: Database,
    private readonly refreshMs = 60_000,
  ) {}

  /** The calendar to compute with now (never blocks; a stale copy triggers a background reload). */
  current(): WorkingCalendar {
    if (Date.now() - this.loadedAt > this.refreshMs && !this.reloading) {
      this.reloading = this.reload().catch(() => undefined).finally(() => (this.reloading = undefined));
    }
    return this.calendar;
  }

  async reload(): Promise<void> {
    const rows = await this.db.query<{ date: string; kind: CalendarOverride['kind']; name: string }>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_override WHERE agency_code = '*' ORDER BY date`,
    );
    this.calendar = WorkingCalendar.vietnam({ overrides: rows });
    this.loadedAt = Date.now();
  }

  async overrides(year?: number): Promise<OverrideInput[]> {
    const params = year ? [`${year}-01-01`, `${year}-12-31`] : [];
    return this.db.query<OverrideInput>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_override WHERE agency_code = '*'
       ${year ? 'AND date BETWEEN $1 AND $2' : ''} ORDER BY date`,
      params,
    );
  }

  async setOverride(input: OverrideInput, by: string): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) {
      throw new DomainError(ErrorCode.BadInput, 'date must be YYYY-MM-DD', [{ field: 'date', message: 'not a date' }]);
    }
    await this.db.query(
      `INSERT INTO calendar_override (agency_code, date, kind, name, created_by) VALUES ('*', $1, $2, $3, $4)
       ON CONFLICT (agency_code, date) DO UPDATE SET kind = excluded.kind, name = excluded.name, created_by = excluded.created_by`,
      [input.date, input.kind, input.name, by],
    );
    await this.reload();
  }

  async removeOverride(date: string): Promise<boolean> {
    const removed = await this.db.query(`DELETE FROM calendar_override WHERE agency_code = '*' AND date = $1::date RETURNING date`, [date]);
    await this.reload();
    return removed.length > 0;
  }
}
