// How long a source may stay silent before that is news: the period set in its config, else one learned
// from its publish history. Learning is generous on purpose (twice the longest gap seen, never under a
// day), so nights and weekends of a source that keeps office hours do not read as an outage. Pure.

const DAY_MS = 24 * 3600 * 1000;
/** Fewer publish times than this teach nothing: silence is then judged only against a configured period. */
export const MIN_SAMPLES_TO_LEARN = 5;

export function learnedExpectedPeriodMs(published: number[]): number | undefined {
  if (published.length < MIN_SAMPLES_TO_LEARN) return undefined;
  const sorted = [...published].sort((a, b) => a - b);
  let longest = 0;
  for (let i = 1; i < sorted.length; i += 1) longest = Math.max(longest, sorted[i]! - sorted[i - 1]!);
  return Math.max(2 * longest, DAY_MS);
}

export interface ExpectedPeriod { ms: number; learned: boolean }

export function expectedPeriod(configuredSeconds: number | undefined, published: number[]): ExpectedPeriod | undefined {
  if (configuredSeconds !== undefined) return { ms: configuredSeconds * 1000, learned: false };
  const ms = learnedExpectedPeriodMs(published);
  return ms === undefined ? undefined : { ms, learned: true };
}
