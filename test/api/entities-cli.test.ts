// `vigie entities add|alias|remove` against a private Redis: an edit made from the command line reaches
// a running worker's matcher on its next article, without restart; bad input is refused with a code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { tinyConfigDir } from '../harness/config-dir.js';
import { loadEnv } from '../../src/config/env.js';
import { createServices, type Services } from '../../src/runtime/create-services.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { FIXTURE_ENTITIES } from './fixture-entities.js';

let redis: TestRedis;
let worker: Services;
// The command's own catalog is Syria and Deir ez-Zor (enough for the parent "sy"): each edit recompiles
// it, and the shipped 13 MB catalog would cost seconds per command for nothing this test checks.
let configDir: string;
before(async () => {
  configDir = tinyConfigDir();
  redis = await startTestRedis();
  worker = createServices({ env: loadEnv({ VIGIE_PREFIX: 'entcli', VIGIE_LOG_LEVEL: 'silent' }), redisUrl: redis.url, entities: FIXTURE_ENTITIES });
});
after(async () => { await worker.close(); await redis.close(); });

const vigie = (args: string[]) => runCliCaptured(args, { REDIS_URL: redis.url, VIGIE_PREFIX: 'entcli', VIGIE_LOG_LEVEL: 'silent', VIGIE_CONFIG_DIR: configDir });

const workerSees = async (text: string): Promise<string[]> =>
  matchDocument((await worker.entities.current()).matcher, { text, lang: 'en' }).entities.map((e) => e.id);

test('an entity and an alias added from the command line are matched by a running worker at once', async () => {
  assert.deepEqual(await workerSees('Clashes near Khirbet Zorbla this morning.'), []);
  const entity = { id: 'sy-khirbet-zorbla', kind: 'region', type: 'town', names: { en: 'Khirbet Zorbla', fr: 'Khirbet Zorbla', ar: 'خربة زوربلا' }, parents: ['sy'] };
  const added = await vigie(['entities', 'add', JSON.stringify(entity), '--json']);
  assert.equal(added.code, 0, added.stderr);
  assert.equal(JSON.parse(added.stdout).entity.id, 'sy-khirbet-zorbla');
  assert.deepEqual(await workerSees('Clashes near Khirbet Zorbla this morning.'), ['sy-khirbet-zorbla']);
  const alias = await vigie(['entities', 'alias', 'sy-khirbet-zorbla', 'Kherbet Zourbla', '--lang', 'fr']);
  assert.equal(alias.code, 0, alias.stderr);
  assert.deepEqual(await workerSees('Des tirs à Kherbet Zourbla.'), ['sy-khirbet-zorbla']);
  const edited = (await worker.entities.current()).graph.get('sy-khirbet-zorbla')!;
  assert.deepEqual(edited.hand, ['Kherbet Zourbla'], 'a run-time alias is recorded as added by hand');
  const removed = await vigie(['entities', 'remove', 'sy-khirbet-zorbla']);
  assert.equal(removed.code, 0, removed.stderr);
  assert.deepEqual(await workerSees('Clashes near Khirbet Zorbla this morning.'), []);
});

test('entities add refuses an invalid entity or an unknown parent with ENTITY_INVALID; alias of an unknown id is NOT_FOUND', async () => {
  const noArabic = await vigie(['entities', 'add', '{"id":"x-town","kind":"region","names":{"en":"X","fr":"X"}}']);
  assert.notEqual(noArabic.code, 0);
  assert.match(noArabic.stderr, /ENTITY_INVALID.*names\.ar/);
  const orphan = await vigie(['entities', 'add', '{"id":"x-town","kind":"region","names":{"en":"X","fr":"X","ar":"س"},"parents":["nowhere"]}']);
  assert.notEqual(orphan.code, 0);
  assert.match(orphan.stderr, /ENTITY_INVALID.*nowhere/);
  const missing = await vigie(['entities', 'alias', 'no-such-id', 'Foo', '--lang', 'en']);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /NOT_FOUND/);
});
