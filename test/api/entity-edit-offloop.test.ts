// Issues 10 and 12: an entity edit through the API recompiles the catalog on an analysis thread, so a
// request that arrives while the compile runs is answered before it ends, and the next text matches
// the new alias. In-process (VIGIE_POOL_THREADS=0) the same request waits for the compile: what the
// thread prevents. Orderings are asserted, never durations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { FIXTURE_ENTITIES } from './fixture-entities.js';
import { entitySchema, type Entity } from '../../src/core/entities/entity.js';

/** Villages with made-up names under Deir ez-Zor: enough entities that a compile takes a while. */
function villages(count: number): Entity[] {
  const latin = ['ba', 'da', 'ka', 'la', 'ma', 'na', 'ra', 'sa', 'ta', 'za', 'hu', 'mi'];
  const arabic = ['با', 'دا', 'كا', 'لا', 'ما', 'نا', 'را', 'سا', 'تا', 'زا', 'هو', 'مي'];
  return Array.from({ length: count }, (_, i) => {
    const parts = [0, 1, 2, 3].map((k) => Math.floor(i / 12 ** k) % 12);
    const word = parts.map((p) => latin[p]).join('');
    const name = `Kafr ${word[0]!.toUpperCase()}${word.slice(1)}`;
    return entitySchema.parse({ id: `sy-v-${i}`, kind: 'region', type: 'village', parents: ['sy-deir-ez-zor'],
      names: { en: name, fr: name, ar: `كفر ${parts.map((p) => arabic[p]).join('')}` }, aliases: { en: [`${name} village`] } });
  });
}

type Mark = 'compile started' | 'request answered' | 'compile done';

/** Adds an alias to Abu Kamal over real HTTP; when the compile starts, another request is sent. */
async function editWhileRequesting(h: ApiHarness): Promise<{ marks: Mark[]; version: string }> {
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  const headers = { authorization: `Bearer ${h.admin.key}`, 'content-type': 'application/json' };
  assert.equal((await fetch(`${origin}/v1/entities/sy-boukamal`, { headers })).status, 200, 'the shipped catalog is compiled before the edit');
  const marks: Mark[] = [];
  let answered: Promise<void> | undefined;
  const pool = h.services.analysis;
  h.services.analysis = { ...pool, compileCatalog: async (base, overlay) => {
    marks.push('compile started');
    answered = fetch(`${origin}/v1/sources`, { headers }).then((res) => { assert.equal(res.status, 200); marks.push('request answered'); });
    const out = await pool.compileCatalog(base, overlay);
    marks.push('compile done');
    return out;
  } };
  const res = await fetch(`${origin}/v1/entities/sy-boukamal/aliases`, { method: 'POST', headers, body: JSON.stringify({ lang: 'en', aliases: ['Zorblakamal'] }) });
  assert.equal(res.status, 200);
  await answered;
  return { marks, version: ((await res.json()) as { version: string }).version };
}

async function scenario(threads: number): Promise<Mark[]> {
  const h = await startApiHarness({ entities: [...FIXTURE_ENTITIES, ...villages(3000)], env: { VIGIE_POOL_THREADS: String(threads) } });
  try {
    const { marks, version } = await editWhileRequesting(h);
    assert.equal(version, '1', 'the answer carries the new version');
    const res = await h.call(h.admin.key, { method: 'POST', url: '/v1/match', payload: { title: 'Strike', text: 'A drone strike hit a convoy near Zorblakamal.', lang: 'en' } });
    assert.equal(res.json().version, '1');
    assert.deepEqual(res.json().entities.map((e: { id: string }) => e.id), ['sy-boukamal'], 'the next text matches the new alias');
    return marks;
  } finally {
    await h.close();
  }
}

test('with the pool, a request sent when an edit\'s compile starts is answered before the compile ends', async () => {
  assert.deepEqual(await scenario(1), ['compile started', 'request answered', 'compile done']);
});

test('in-process (VIGIE_POOL_THREADS=0) the same request waits for the compile: what the thread prevents', async () => {
  assert.deepEqual(await scenario(0), ['compile started', 'compile done', 'request answered']);
});
