import type { WorkingCalendar } from '@onedoor/working-calendar';
import type { TimeRules } from '../runtime/ports.js';

/** Step allowances and `od:workingTime` timers on the working calendar in force right now. */
export function calendarTimeRules(calendar: () => WorkingCalendar): TimeRules {
  return {
    stepDueAt: (start, days) => calendar().addWorkingDays(start, days),
    addWorkingTime: (start, ms) => calendar().addWorkingTime(start, ms),
  };
}
