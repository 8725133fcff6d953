// `vigie entities candidates [list|accept|reject]` against a private Redis: the candidates a worker
// noted are listed; one accepted from the command line is matched by the running worker at once, under
// the parent given; a rejected one leaves the list; an unknown key is NOT_FOUND.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { configDirWith } from '../harness/config-dir.js';
import { loadEnv } from '../../src/config/env.js';
import { createServices, type Services } from '../../src/runtime/create-services.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { noteCandidates } from '../../src/pipeline/note-candidates.js';
import type { CandidateRecord } from '../../src/adapters/redis/candidate-store.js';
import { FIXTURE_ENTITIES } from '../api/fixture-entities.js';

let redis: TestRedis;
let worker: Services;
// The command's catalog is the worker's (it holds the parent given on accept); the shipped one would be
// recompiled by every edit for nothing this test checks.
let configDir: string;
before(async () => {
  configDir = configDirWith(FIXTURE_ENTITIES);
  redis = await startTestRedis();
  worker = createServices({ env: loadEnv({ VIGIE_PREFIX: 'candcli', VIGIE_LOG_LEVEL: 'silent' }), redisUrl: redis.url, entities: FIXTURE_ENTITIES });
});
after(async () => { await worker.close(); await redis.close(); });

const vigie = (args: string[]) => runCliCaptured(args, { REDIS_URL: redis.url, VIGIE_PREFIX: 'candcli', VIGIE_LOG_LEVEL: 'silent', VIGIE_CONFIG_DIR: configDir });

async function note(id: string, text: string, lang: 'en' | 'ar'): Promise<void> {
  const article = { id, url: `https://news.example/${id}`, sourceId: 'src-cli', title: '', summary: '', text, lang, fetchedAt: new Date().toISOString() };
  const snap = await worker.entities.current();
  await noteCandidates(worker, article, (await worker.analysis.analyse(article, snap, { events: false, candidates: true })).candidates);
}

test('list, accept with a parent (matched by a running worker at once), reject, and an unknown key', async () => {
  await note('c1', 'Hezbollah trained a new militia called Liwa Dir al-Janub in the south.', 'en');
  await note('c2', 'وصلت ميليشيا جديدة تدعى سرايا حماة الديار إلى المنطقة.', 'ar');
  const listed = await vigie(['entities', 'candidates', '--json']);
  assert.equal(listed.code, 0, listed.stderr);
  const list = JSON.parse(listed.stdout) as CandidateRecord[];
  assert.deepEqual(list.map((c) => c.name).sort(), ['Liwa Dir al-Janub', 'سرايا حماة الديار']);
  const text = await vigie(['entities', 'candidates']);
  assert.match(text.stdout, /Liwa Dir al-Janub[\s\S]*near: actor-hezbollah \(1\)[\s\S]*"Hezbollah trained a new militia called Liwa Dir al-Janub in the south\."/);

  const liwa = list.find((c) => c.name === 'Liwa Dir al-Janub')!;
  const accepted = await vigie(['entities', 'candidates', 'accept', liwa.key, '--parent', 'actor-hezbollah', '--json']);
  assert.equal(accepted.code, 0, accepted.stderr);
  const { entity } = JSON.parse(accepted.stdout) as { entity: { id: string; parents: string[] } };
  assert.deepEqual(entity.parents, ['actor-hezbollah']);
  const seen = matchDocument((await worker.entities.current()).matcher, { text: 'Liwa Dir al-Janub fighters were seen.', lang: 'en' });
  assert.deepEqual(seen.entities.map((e) => e.id), [entity.id]);

  const saraya = list.find((c) => /سرايا/.test(c.name))!;
  const rejected = await vigie(['entities', 'candidates', 'reject', saraya.key]);
  assert.equal(rejected.code, 0, rejected.stderr);
  assert.equal(JSON.parse((await vigie(['entities', 'candidates', '--json'])).stdout).length, 0);
  await note('c3', 'أعلنت ميليشيا تدعى سرايا حماة الديار مسؤوليتها.', 'ar');
  assert.equal((await worker.candidates.get(saraya.key))?.status, 'rejected');
  assert.equal((await worker.candidates.get(saraya.key))?.count, 1, 'never counted again');

  const missing = await vigie(['entities', 'candidates', 'accept', 'no-such-key']);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /NOT_FOUND/);
  const help = await vigie(['entities', 'candidates', 'accept', '--help']);
  assert.match(help.stdout, /--parent <id>/);
});
