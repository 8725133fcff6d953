// The process's entity catalog on a real Redis: a matcher handed in with the base entities (read from a
// snapshot) is the one used, not compiled again, until an entity is edited; then the merged set is
// compiled, and the edit is matched; callers share one compile, and a failed one keeps the old catalog.
// A base the catalog compiles itself is reported once (boot writes its snapshot from it), and kept for
// when the edits are removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Redis } from 'ioredis';
import { useTestRedisClient } from '../harness/redis-server.js';
import { createEntityCatalog } from '../../src/pipeline/entity-catalog.js';
import { createEntityStore } from '../../src/adapters/redis/entity-store.js';
import { createKeys } from '../../src/adapters/redis/keys.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import type { Entity } from '../../src/core/entities/entity.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';
import { mergeEntities } from '../../src/core/entities/merge-entities.js';
import { entities } from '../match/fixture.js';

let client: Redis;
useTestRedisClient((_r, c) => { client = c; });

const zorbla: Entity = { id: 'sy-khirbet-zorbla', kind: 'region', type: 'town', names: { en: 'Khirbet Zorbla', fr: 'Khirbet Zorbla', ar: 'خربة زوربلا' },
  aliases: {}, acronyms: [], parents: ['sy'], exclusions: [] };
const found = (m: ReturnType<typeof compileMatcher>, text: string) => matchDocument(m, { text, lang: 'en' }).entities.map((e) => e.id);

test('the matcher handed in is used as is while no entity is edited, then the edited set is compiled', async () => {
  const store = createEntityStore(client, createKeys('catalog-given'));
  const given = compileMatcher(entities);
  const catalog = createEntityCatalog(entities, store, given);
  const first = await catalog.current();
  assert.equal(first.matcher, given, 'the given matcher, not a compile of the same entities');
  assert.equal(first.entities.length, entities.length);
  assert.equal((await catalog.current()).matcher, given, 'still the given one on the next article');
  await store.put(zorbla);
  const edited = await catalog.current();
  assert.notEqual(edited.matcher, given);
  assert.deepEqual(found(edited.matcher, 'Shelling hit Khirbet Zorbla.'), ['sy-khirbet-zorbla']);
  assert.deepEqual(found(given, 'Shelling hit Khirbet Zorbla.'), [], 'the given matcher was not changed');
});

test('without a matcher handed in, the catalog compiles its entities', async () => {
  const catalog = createEntityCatalog([...entities, zorbla], createEntityStore(client, createKeys('catalog-compiled')));
  assert.deepEqual(found((await catalog.current()).matcher, 'Shelling hit Khirbet Zorbla.'), ['sy-khirbet-zorbla']);
});

test('concurrent callers after an edit share one compile, and all get its snapshot', async () => {
  const store = createEntityStore(client, createKeys('catalog-shared-compile'));
  let compiles = 0;
  const catalog = createEntityCatalog(entities, store, compileMatcher(entities), {
    compile: async (base, overlay) => { compiles += 1; return { matcher: compileMatcher(mergeEntities(base, overlay)) }; },
  });
  await catalog.current();
  await store.put(zorbla);
  const snaps = await Promise.all(Array.from({ length: 6 }, () => catalog.current()));
  assert.equal(compiles, 1, 'one compile for six callers');
  assert.ok(snaps.every((s) => s === snaps[0]), 'one snapshot');
  assert.deepEqual(found(snaps[0]!.matcher, 'Shelling hit Khirbet Zorbla.'), ['sy-khirbet-zorbla']);
});

test('a compile that fails keeps the previous catalog in use, reports ENTITY_COMPILE_FAILED once, and the next edit compiles', async () => {
  const store = createEntityStore(client, createKeys('catalog-failed-compile'));
  const reported: Array<[string, string]> = [];
  let attempts = 0;
  const catalog = createEntityCatalog(entities, store, compileMatcher(entities), {
    compile: async (base, overlay) => {
      attempts += 1;
      if (overlay.some((e) => e.names.en === 'Khirbet Zorbla')) throw new Error('analysis thread ran out of memory');
      return { matcher: compileMatcher(mergeEntities(base, overlay)) };
    },
    onCompileFailed: (err, version) => reported.push([err.code, version]),
  });
  const before = await catalog.current();
  await store.put(zorbla);
  await assert.rejects(catalog.latest(), (err) => isVigieError(err) && err.code === 'ENTITY_COMPILE_FAILED' && /out of memory/.test(err.message));
  const served = await catalog.current();
  assert.equal(served, before, 'the previous catalog is still served');
  assert.deepEqual(found(served.matcher, 'Shelling hit Khirbet Zorbla.'), []);
  await catalog.current();
  assert.deepEqual(reported, [['ENTITY_COMPILE_FAILED', '1']], 'reported once; the failed version is not compiled again per caller');
  assert.equal(attempts, 1);
  await store.put({ ...zorbla, names: { en: 'Khirbet Zorbala', fr: 'Khirbet Zorbala', ar: 'خربة زوربلا' } });
  const next = await catalog.latest();
  assert.equal(next.version, '2');
  assert.deepEqual(found(next.matcher, 'Shelling hit Khirbet Zorbala.'), ['sy-khirbet-zorbla']);
});

test('without a previous catalog to serve, a failed compile is tried again by the next caller', async () => {
  let attempts = 0;
  const catalog = createEntityCatalog(entities, undefined, undefined, {
    compile: async (base, overlay) => {
      attempts += 1;
      if (attempts === 1) throw new Error('analysis thread died');
      return { matcher: compileMatcher(mergeEntities(base, overlay)) };
    },
  });
  await assert.rejects(catalog.current(), (err) => isVigieError(err) && err.code === 'ENTITY_COMPILE_FAILED');
  assert.equal((await catalog.current()).entities.length, entities.length);
  assert.equal(attempts, 2);
});

test('a catalog that compiles its base says so once (for its snapshot); an edit is not reported, and removing it reuses the base', async () => {
  const store = createEntityStore(client, createKeys('catalog-told'));
  const told: Array<ReturnType<typeof compileMatcher>> = [];
  const catalog = createEntityCatalog(entities, store, undefined, { onBaseCompiled: (c) => { if ('matcher' in c) told.push(c.matcher); } });
  const base = (await catalog.current()).matcher;
  assert.deepEqual(told, [base], 'the compiled base, once');
  await store.put(zorbla);
  assert.deepEqual(found((await catalog.current()).matcher, 'Shelling hit Khirbet Zorbla.'), ['sy-khirbet-zorbla']);
  assert.equal(told.length, 1, 'a matcher with edits in it is never reported as the base');
  await store.remove(zorbla.id);
  assert.equal((await catalog.current()).matcher, base, 'back to the base already compiled, not a second compile');
  assert.equal(told.length, 1);
});

test('a catalog handed its base matcher never reports one as compiled', async () => {
  const told: unknown[] = [];
  const catalog = createEntityCatalog(entities, createEntityStore(client, createKeys('catalog-given-told')), compileMatcher(entities), { onBaseCompiled: (c) => told.push(c) });
  await catalog.current();
  assert.deepEqual(told, []);
});
