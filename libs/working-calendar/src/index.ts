export { WorkingCalendar } from './working-calendar.js';
export type {
  CalendarOverride,
  VietnamCalendarOptions,
  WorkingCalendarOptions,
} from './working-calendar.js';
export { vietnamHolidays } from './vietnam-holidays.js';
export { classifyTimeliness } from './timeliness.js';
export type { Timeliness } from './timeliness.js';
export { DEFAULT_HOURS_PER_DAY, DEFAULT_OFFICE_HOURS } from './calendar-config.js';
export type {
  CalendarConfig,
  CalendarDay,
  CalendarYearDescription,
  DayKind,
  DaySource,
  OfficeHours,
} from './calendar-config.js';
export { DAY_MS, dayNumberOf, dayStartOf, localDateOfDayNumber, toLocalDate, VIETNAM_UTC_OFFSET_MS } from './local-time.js';
