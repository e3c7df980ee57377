import type { ApiClient } from '../shared/api-client.js';

export type DayKind = 'holiday' | 'day_off' | 'working_day';

/** A day that is not an ordinary weekday/weekend, by law or by an administrator's override. */
export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
  source: 'law' | 'override';
}

export interface OfficeHours {
  weekday: number;
  from: string;
  to: string;
}

export interface CalendarYear {
  year: number;
  officeHours: OfficeHours[];
  days: CalendarDay[];
}

/** The working-calendar endpoints of docs/api.md. */
export class CalendarApi {
  constructor(private readonly api: ApiClient) {}

  year(year: number): Promise<CalendarYear> {
    return this.api.get(`/api/calendar?year=${year}`);
  }

  addOverride(override: { date: string; kind: DayKind; name: string }): Promise<unknown> {
    return this.api.post('/api/calendar/overrides', override);
  }

  removeOverride(date: string): Promise<void> {
    return this.api.request('DELETE', `/api/calendar/overrides/${encodeURIComponent(date)}`);
  }

  async addWorkingDays(from: Date, days: number): Promise<Date> {
    const { dueAt } = await this.api.get<{ dueAt: string }>(`/api/calendar/add?from=${encodeURIComponent(from.toISOString())}&days=${days}`);
    return new Date(dueAt);
  }
}
