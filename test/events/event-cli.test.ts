// The CLI side of events: `vigie subscriptions add --event ... --min-killed N` stores the filter and
// `show` prints it; a bad type is refused; `vigie match --jsonl` lines carry the events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { tinyConfigDir } from '../harness/config-dir.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';

let redis: TestRedis;
let configDir: string;

before(async () => {
  redis = await startTestRedis();
  configDir = tinyConfigDir();
});
after(async () => { await redis.close(); });

const vigie = (args: string[], input?: string) =>
  runCliCaptured(args, { REDIS_URL: redis.url, VIGIE_PREFIX: 'eventcli', VIGIE_CONFIG_DIR: configDir }, input);

test('subscriptions add --event --min-killed keeps the filter, show prints it', async () => {
  const added = await vigie(['subscriptions', 'add', '--name', 'Deadly strikes', '--region', 'Deir ez-Zor',
    '--event', 'air_strike,shelling_missile', '--min-killed', '1', '--email', 'desk@news.example', '--json']);
  assert.equal(added.code, 0, added.stderr);
  const { id } = JSON.parse(added.stdout) as { id: string };
  const shown = await vigie(['subscriptions', 'show', id]);
  assert.equal(shown.code, 0, shown.stderr);
  assert.ok(shown.stdout.split('\n').includes('  events     air_strike, shelling_missile, at least 1 killed'), shown.stdout);
  const raw = JSON.parse((await vigie(['subscriptions', 'show', id, '--json'])).stdout);
  const sub = raw.subscription ?? raw;
  assert.deepEqual([sub.events, sub.minKilled], [['air_strike', 'shelling_missile'], 1]);
});

test('subscriptions add refuses an unknown event type and a toll that is not a number', async () => {
  for (const args of [['--event', 'bombing'], ['--min-killed', 'many']]) {
    const res = await vigie(['subscriptions', 'add', '--name', 'bad', '--region', 'Deir ez-Zor', ...args, '--email', 'desk@news.example']);
    assert.notEqual(res.code, 0, args.join(' '));
    assert.match(res.stderr, /events|minKilled/, res.stderr);
  }
});

test('match --jsonl lines gain the events', async () => {
  const line = JSON.stringify({ id: 'a1', title: 'Drone strike in Deir ez-Zor', text: 'A drone strike killed four fighters in Deir ez-Zor on Monday.', lang: 'en' });
  const res = await vigie(['match', '--jsonl', '--entities', path.join(configDir, 'entities')], `${line}\n`);
  assert.equal(res.code, 0, res.stderr);
  const out = JSON.parse(res.stdout.trim()) as { id: string; entities: unknown[]; events: Array<{ type: string; killed: number | null }> };
  assert.equal(out.id, 'a1');
  assert.ok(out.entities.length > 0);
  assert.deepEqual(out.events.map((e) => [e.type, e.killed]), [['air_strike', 4]]);
});
