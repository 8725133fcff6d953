// Story candidates held in memory, filed and looked up exactly as the Redis story store does (the same
// candidateKeys, the same time window): for replays of stored articles (backtest, the story bench).
import { candidateKeys, type StoryCandidate } from './assign-story.js';
import type { StoryFingerprint } from './story-fingerprint.js';

/** What the Redis store does with sorted sets: key -> entries scored by event time, read within a window. */
export class MemoryStoryIndex {
  private readonly byKey = new Map<string, Array<StoryCandidate & { t: number }>>();

  add(storyId: string, fp: StoryFingerprint): void {
    for (const key of candidateKeys(fp)) {
      const list = this.byKey.get(key) ?? [];
      list.push({ storyId, fingerprint: fp, t: Date.parse(fp.time) });
      this.byKey.set(key, list);
    }
  }

  lookup(fp: StoryFingerprint, windowHours: number): StoryCandidate[] {
    const t = Date.parse(fp.time);
    const seen = new Set<StoryCandidate>();
    for (const key of candidateKeys(fp)) {
      for (const entry of this.byKey.get(key) ?? []) {
        if (Math.abs(entry.t - t) <= windowHours * 3_600_000 || entry.fingerprint.url === fp.url) seen.add(entry);
      }
    }
    return [...seen].map(({ storyId, fingerprint }) => ({ storyId, fingerprint }));
  }
}
