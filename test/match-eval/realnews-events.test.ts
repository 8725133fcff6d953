// The real-news event labels (eval/realnews/events.jsonl) follow EVAL.md's event conventions: one
// main event per article, a type from EVAL.md, counts as integers or null, places taken from that
// article's own region labels, off-topic pages as `none`. A broken line would score a reader against
// a label nobody meant, so the file is checked as data here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readLabels } from '../../scripts/eval/realnews-set.js';
import { repoRoot } from '../harness/paths.js';

const TYPES = ['air_strike', 'shelling_missile', 'armed_clash', 'explosion_ied', 'attack_civilians', 'arrest', 'other', 'none'];

interface EventLabel { id: string; type: string; killed: number | null; injured: number | null; where: string[]; note: string }

const dir = path.join(repoRoot, 'eval', 'realnews');
const events: EventLabel[] = fs.readFileSync(path.join(dir, 'events.jsonl'), 'utf8').split('\n')
  .filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as EventLabel);
const labels = readLabels(dir);

test('one event label per labelled article, in id order, and the entity labels do not read it', () => {
  assert.deepEqual(events.map((e) => e.id), labels.map((l) => l.id).sort());
  assert.ok(labels.every((l) => typeof l.url === 'string'), 'events.jsonl read as entity labels');
});

test('each event label has an EVAL.md type, integer-or-null counts, its own regions and a note', () => {
  const byId = new Map(labels.map((l) => [l.id, l]));
  const count = (n: number | null): boolean => n === null || (Number.isInteger(n) && n >= 0);
  const bad = events.filter((e) => {
    const l = byId.get(e.id)!;
    return !TYPES.includes(e.type) || !count(e.killed) || !count(e.injured)
      || !Array.isArray(e.where) || e.where.some((w) => !l.regions.includes(w)) || new Set(e.where).size !== e.where.length
      || typeof e.note !== 'string' || e.note.trim() === ''
      || (e.type === 'none' && (e.killed !== null || e.injured !== null || e.where.length > 0))
      || (l.offtopic && e.type !== 'none');
  });
  assert.deepEqual(bad.map((e) => e.id), []);
});
