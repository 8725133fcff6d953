// Writes a span of time the way people read it in a list or a notice ("45 s", "12 min", "3 h 20 min",
// "2 d 4 h"): two units at most. Pure.

const UNITS: Array<[string, number]> = [['d', 86_400_000], ['h', 3_600_000], ['min', 60_000], ['s', 1000]];

export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms / 1000)) * 1000;
  if (rest === 0) return '0 s';
  const parts: string[] = [];
  for (const [name, size] of UNITS) {
    if (rest < size) continue;
    parts.push(`${Math.floor(rest / size)} ${name}`);
    rest %= size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
