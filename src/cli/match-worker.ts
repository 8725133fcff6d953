// A worker thread of `vigie match --jsonl --workers N`: loads the matcher (from its snapshot), then
// answers each batch of input lines with their result lines, in the order the batches came.
import { parentPort, workerData } from 'node:worker_threads';
import { loadMatcher, readSnapshot, type MatcherSource } from '../config/matcher-cache.js';
import { matchLine, type MatchJsonlOptions } from './match-jsonl.js';

const { source, snapshot, opts } = workerData as { source: MatcherSource; snapshot?: string; opts: MatchJsonlOptions };
// The snapshot the parent prepared, read without hashing the entity files again; else found as usual.
const matcher = (snapshot === undefined ? undefined : readSnapshot(snapshot)) ?? (await loadMatcher(source)).matcher;
// Batches posted while the matcher loaded wait in the port's queue until this listener starts it.
parentPort!.on('message', (lines: string[]) => {
  let out = '';
  for (const line of lines) out += `${matchLine(matcher, line, opts)}\n`;
  parentPort!.postMessage(out);
});
