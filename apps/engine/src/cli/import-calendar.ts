import { readFile } from 'node:fs/promises';
import { OverrideDto } from '../api/calendar/calendar.controller.js';
import type { OverrideInput } from '../persistence/calendar/calendar-service.js';
import { badInput } from '../shared/domain-error.js';
import { appendAudit } from '../persistence/audit-log.js';
import type { CliContext } from './cli-context.js';
import { validatedInput } from './validated-input.js';

/**
 * `onedoor calendar import <file>`: a year's overrides (the Government's Tết swap, make-up
 * Saturdays) from a file, as an administrator enters them one by one at `/calendar/`
 * (`POST /api/calendar/overrides`). The file is JSON — `[{ "date", "kind", "name" }]` — or CSV
 * `date,kind,name`. Every row is checked before any is written: a bad row changes nothing.
 */
export async function importCalendar(ctx: CliContext, file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw badInput(`cannot read ${file}`, [{ field: 'file', message: `${file}: no such readable file` }]);
  });
  const rows = file.toLowerCase().endsWith('.csv') ? csvRows(text) : jsonRows(text, file);
  if (rows.length === 0) throw badInput(`${file} holds no calendar days`, [{ field: 'file', message: 'empty' }]);
  const overrides: OverrideInput[] = [];
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const where = `row ${index + 1}`;
    const override = await validatedInput(OverrideDto, row, where);
    if (seen.has(override.date)) throw badInput(`${where}: ${override.date} appears twice`, [{ field: `${where}.date`, message: 'appears twice in the file' }]);
    seen.add(override.date);
    overrides.push({ date: override.date, kind: override.kind, name: override.name });
  }
  for (const override of overrides) {
    await ctx.calendar.setOverride(override, ctx.actor.username);
    await appendAudit(ctx.engine.db, { at: new Date(), username: ctx.actor.username, operation: 'calendar-override-set', entityType: 'calendar', entityId: override.date, details: override });
  }
  const kinds = (kind: OverrideInput['kind']) => overrides.filter((o) => o.kind === kind).length;
  return [`imported ${overrides.length} calendar day${overrides.length === 1 ? '' : 's'}: ${kinds('holiday')} holidays, ${kinds('day_off')} days off, ${kinds('working_day')} make-up working days`];
}

function jsonRows(text: string, file: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badInput(`${file} is neither valid JSON nor a .csv file (${(error as Error).message})`, [{ field: 'file', message: 'not JSON' }]);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { overrides?: unknown })?.overrides;
  if (!Array.isArray(list) || list.some((row) => typeof row !== 'object' || row === null || Array.isArray(row))) {
    throw badInput(`${file} must hold a list of { "date", "kind", "name" }`, [{ field: 'file', message: 'not a list of objects' }]);
  }
  return list as Record<string, unknown>[];
}

/** `date,kind,name` per line; a header line and blank lines are skipped; a name may be quoted. */
function csvRows(text: string): Record<string, unknown>[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !/^date\s*,/i.test(line))
    .map((line) => {
      const [date, kind, ...name] = line.split(',');
      return { date: date?.trim(), kind: kind?.trim(), name: name.join(',').trim().replace(/^"(.*)"$/, '$1') };
    });
}
