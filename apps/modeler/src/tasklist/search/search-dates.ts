/** A local day (YYYY-MM-DD, Vietnam) as the instant it starts, for the API's instant filters. */
export function dayStart(day: string): string {
  return `${day}T00:00:00+07:00`;
}

/** The instant the local day after `day` starts: `to` filters are exclusive. */
export function dayAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return `${next.toISOString().slice(0, 10)}T00:00:00+07:00`;
}

/** Today and the first day of this month in Vietnam, as YYYY-MM-DD. */
export function thisMonth(now = new Date()): { from: string; to: string } {
  const local = new Date(now.getTime() + 7 * 3600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const mm = String(m + 1).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

/** The keys of the search form (local days) → GET /api/dossiers parameters (instants). */
export function apiQuery(form: Record<string, string>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['q', 'code', 'applicant', 'idNumber', 'procedureKey', 'status', 'page']) if (form[key]) query[key] = form[key];
  if (form.overdue === 'true') query.overdue = 'true';
  if (form.receivedFrom) query.from = dayStart(form.receivedFrom);
  if (form.receivedTo) query.to = dayAfter(form.receivedTo);
  if (form.dueFrom) query.dueFrom = dayStart(form.dueFrom);
  if (form.dueTo) query.dueTo = dayAfter(form.dueTo);
  return query;
}
