// The process's entity catalog on a real Redis: a matcher handed in with the base entities (read from a
// snapshot) is the one used, not compiled again, until an entity is edited; then the merged set is
// compiled, and the edit is matched.
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
