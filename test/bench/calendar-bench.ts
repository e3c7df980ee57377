import { pathToFileURL } from 'node:url';
import { WorkingCalendar } from '@onedoor/working-calendar';

export interface BenchResult {
  name: string;
  count: number;
  ms: number;
  perSecond: number;
}

const FROM = Date.parse('2026-01-01T00:00:00+07:00');
const TO = Date.parse('2028-01-01T00:00:00+07:00');

/**
 * The engine's hot path: due dates of 10-working-day dossiers received at random instants over
 * 2026–2027 (deterministic, so runs compare). Instants are drawn before timing starts.
 */
export async function benchDueDates(n = 1_000_000): Promise<BenchResult> {
  const calendar = WorkingCalendar.vietnam({ years: [2026, 2027, 2028] });
  const random = mulberry32(0x0d00_2026);
  const received = new Float64Array(n);
  for (let i = 0; i < n; i += 1) received[i] = FROM + Math.floor(random() * (TO - FROM));

  // Warm up so the JIT, not the interpreter, is measured.
  for (let i = 0; i < Math.min(n, 10_000); i += 1) calendar.dossierDueAt(new Date(received[i]), 10);

  let checksum = 0;
  const started = performance.now();
  for (let i = 0; i < n; i += 1) {
    checksum += calendar.dossierDueAt(new Date(received[i]), 10).getTime() % 997;
  }
  const ms = performance.now() - started;
  if (checksum < 0) throw new Error('unreachable: keeps the results alive');
  return {
    name: 'working-calendar dossierDueAt(10 days)',
    count: n,
    ms: Math.round(ms),
    perSecond: Math.round((n / ms) * 1000),
  };
}

/** Small seeded PRNG (mulberry32): reproducible across runs and machines. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchDueDates(), null, 2));
}
