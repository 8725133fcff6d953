// /v1/sources (admin: CRUD, health, poll now, URL checks) and /v1/entities (search in any language and
// script, tree browsing, admin edits that recompile the matcher at once and bump the version).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApiHarness, type ApiHarness } from './api-harness.js';

let h: ApiHarness;
before(async () => { h = await startApiHarness(); });
after(async () => { await h.close(); });

const feed = { id: 'local-feed', name: 'Local feed', url: 'http://127.0.0.1:9/feed.xml', interval: 60, lang: 'fr' };

test('sources: create, read with state, list, replace, poll now, delete', async () => {
  const created = await h.call(h.admin.key, { method: 'POST', url: '/v1/sources', payload: feed });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().source.intervalSeconds, 60);
  assert.equal(created.json().source.state.health, 'new');
  const schedulers = await h.services.queues.poll.getJobSchedulers(0, -1);
  assert.ok(schedulers.some((s) => (s.key ?? s.id) === 'source-local-feed'), 'a job scheduler polls it');
  const dup = await h.call(h.admin.key, { method: 'POST', url: '/v1/sources', payload: feed });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.code, 'conflict');
  await h.services.sources.recordFailure('local-feed', new Date(), 'FETCH_CONNECT', 'connection refused', new Date());
  const one = await h.call(h.admin.key, { method: 'GET', url: '/v1/sources/local-feed' });
  assert.equal(one.json().source.state.lastErrorCode, 'FETCH_CONNECT');
  assert.equal(one.json().source.state.health, 'failing');
  const list = await h.call(h.admin.key, { method: 'GET', url: '/v1/sources' });
  assert.deepEqual(list.json().sources.map((x: { id: string }) => x.id), ['local-feed']);
  const put = await h.call(h.admin.key, { method: 'PUT', url: '/v1/sources/local-feed', payload: { ...feed, interval: 120, enabled: false } });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(put.json().source.intervalSeconds, 120);
  const poll = await h.call(h.admin.key, { method: 'POST', url: '/v1/sources/local-feed/poll' });
  assert.equal(poll.statusCode, 202);
  const job = await h.services.queues.poll.getJob(poll.json().jobId);
  assert.deepEqual(job?.data, { sourceId: 'local-feed' });
  assert.equal((await h.call(h.admin.key, { method: 'DELETE', url: '/v1/sources/local-feed' })).statusCode, 204);
  assert.equal((await h.call(h.admin.key, { method: 'GET', url: '/v1/sources/local-feed' })).statusCode, 404);
  assert.equal((await h.call(h.admin.key, { method: 'POST', url: '/v1/sources/local-feed/poll' })).statusCode, 404);
});

const badSources: Array<{ name: string; body: Record<string, unknown>; status: number; code: string }> = [
  { name: 'private address', body: { ...feed, id: 'p1', url: 'http://10.1.2.3/rss' }, status: 422, code: 'url_not_public' },
  { name: 'metadata address', body: { ...feed, id: 'p2', url: 'http://169.254.169.254/' }, status: 422, code: 'url_not_public' },
  { name: 'backslash trick', body: { ...feed, id: 'p3', url: 'http://evil.example\\@127.0.0.1/' }, status: 422, code: 'unprocessable' },
  { name: 'file scheme', body: { ...feed, id: 'p4', url: 'file:///etc/passwd' }, status: 400, code: 'validation_failed' },
  { name: 'interval is a string of letters', body: { ...feed, id: 'p5', interval: 'often' }, status: 400, code: 'validation_failed' },
  { name: 'unknown field', body: { ...feed, id: 'p6', cron: '* * * * *' }, status: 400, code: 'validation_failed' },
  { name: 'html source without listing selectors', body: { ...feed, id: 'p7', kind: 'html' }, status: 400, code: 'validation_failed' },
  { name: 'id with capitals', body: { ...feed, id: 'Bad_Id' }, status: 400, code: 'validation_failed' },
];
for (const c of badSources) {
  test(`sources refuse ${c.name} (${c.status} ${c.code})`, async () => {
    const res = await h.call(h.admin.key, { method: 'POST', url: '/v1/sources', payload: c.body });
    assert.equal(res.statusCode, c.status, res.body);
    assert.equal(res.json().error.code, c.code);
  });
}

const searches: Array<{ q: string; id: string }> = [
  { q: 'البوكمال', id: 'sy-boukamal' },
  { q: 'Boukamal', id: 'sy-boukamal' },
  { q: 'albukamal', id: 'sy-boukamal' },
  { q: 'Alep', id: 'sy-aleppo' },
  { q: 'deir', id: 'sy-deir-ez-zor' },
  { q: 'دير الزور', id: 'sy-deir-ez-zor' },
  { q: 'Kataëb', id: 'actor-kataib-hezbollah' },
];
for (const c of searches) {
  test(`entities search "${c.q}" finds ${c.id}, with its path`, async () => {
    const res = await h.call(h.alice.key, { method: 'GET', url: `/v1/entities?search=${encodeURIComponent(c.q)}` });
    assert.equal(res.statusCode, 200);
    const found = res.json().entities.find((e: { id: string }) => e.id === c.id);
    assert.ok(found, JSON.stringify(res.json().entities.map((e: { id: string }) => e.id)));
    assert.ok(Array.isArray(found.path) && found.path.length >= 1);
  });
}

test('entities: roots, children, kind filter and one entity', async () => {
  const roots = (await h.call(h.alice.key, { method: 'GET', url: '/v1/entities?kind=region&roots=true' })).json().entities;
  assert.deepEqual(roots.map((e: { id: string }) => e.id), ['sy']);
  assert.equal(roots[0].childCount, 2);
  const children = (await h.call(h.alice.key, { method: 'GET', url: '/v1/entities?parent=sy-deir-ez-zor' })).json().entities;
  assert.deepEqual(children.map((e: { id: string }) => e.id), ['sy-boukamal']);
  const actors = (await h.call(h.alice.key, { method: 'GET', url: '/v1/entities?kind=actor&limit=100' })).json().entities;
  assert.equal(actors.length, 3);
  const one = await h.call(h.alice.key, { method: 'GET', url: '/v1/entities/sy-boukamal' });
  assert.deepEqual(one.json().entity.path, ['Abu Kamal', 'Deir ez-Zor', 'Syria']);
  assert.deepEqual(one.json().aliases.slice(0, 3), [
    { alias: 'Abu Kamal', lang: 'en', origin: 'data', status: 'ok' },
    { alias: 'Albukamal', lang: 'en', origin: 'data', status: 'ok' },
    { alias: 'Al-Bukamal', lang: 'en', origin: 'data', status: 'ok' },
  ]);
  assert.equal((await h.call(h.alice.key, { method: 'GET', url: '/v1/entities/nowhere' })).statusCode, 404);
  const badQuery = await h.call(h.alice.key, { method: 'GET', url: '/v1/entities?limit=abc&colour=red' });
  assert.equal(badQuery.statusCode, 400);
  const paths = badQuery.json().error.details.issues.map((i: { path: string }) => i.path);
  assert.ok(paths.includes('query.limit') && paths.includes('query'), JSON.stringify(paths));
});

test('an admin edit recompiles the matcher at once: the answer carries the new version and /v1/match finds it', async () => {
  const before = await h.call(h.alice.key, { method: 'POST', url: '/v1/match', payload: { text: 'Clashes near Hajin this morning.' } });
  assert.deepEqual(before.json().entities, []);
  const entity = { id: 'sy-hajin', kind: 'region', type: 'town', names: { en: 'Hajin', fr: 'Hajine', ar: 'هجين' }, parents: ['sy-deir-ez-zor'] };
  const put = await h.call(h.admin.key, { method: 'PUT', url: '/v1/entities/sy-hajin', payload: entity });
  assert.equal(put.statusCode, 200, put.body);
  const v1 = put.json().version;
  assert.notEqual(v1, before.json().version);
  const after1 = await h.call(h.alice.key, { method: 'POST', url: '/v1/match', payload: { text: 'Clashes near Hajin this morning.' } });
  assert.deepEqual(after1.json().entities.map((e: { id: string }) => e.id), ['sy-hajin']);
  assert.equal(after1.json().version, v1);
  const alias = await h.call(h.admin.key, { method: 'POST', url: '/v1/entities/sy-hajin/aliases', payload: { lang: 'en', aliases: ['Hajeen'] } });
  assert.equal(alias.statusCode, 200, alias.body);
  assert.notEqual(alias.json().version, v1);
  const after2 = await h.call(h.alice.key, { method: 'POST', url: '/v1/match', payload: { text: 'Shelling reported in Hajeen.' } });
  assert.deepEqual(after2.json().entities.map((e: { id: string }) => e.id), ['sy-hajin']);
  const sub = await h.call(h.alice.key, { method: 'POST', url: '/v1/subscriptions', payload: { name: 'h', regions: ['Hajeen'], channels: [{ type: 'email', address: 'a@example.org' }] } });
  assert.deepEqual(sub.json().subscription.regions, ['sy-hajin'], 'subscriptions resolve the new alias too');
  const del = await h.call(h.admin.key, { method: 'DELETE', url: '/v1/entities/sy-hajin' });
  assert.equal(del.statusCode, 200);
  assert.equal((await h.call(h.alice.key, { method: 'GET', url: '/v1/entities/sy-hajin' })).statusCode, 404);
});

const badEntities: Array<{ name: string; body: Record<string, unknown>; status: number; code: string }> = [
  { name: 'unknown parent', body: { id: 'x-town', kind: 'region', names: { en: 'X', fr: 'X', ar: 'س' }, parents: ['nowhere'] }, status: 422, code: 'unprocessable' },
  { name: 'cycle through parents', body: { id: 'sy', kind: 'region', names: { en: 'Syria', fr: 'Syrie', ar: 'سوريا' }, parents: ['sy-boukamal'] }, status: 422, code: 'unprocessable' },
  { name: 'missing Arabic name', body: { id: 'x-town', kind: 'region', names: { en: 'X', fr: 'X' } }, status: 400, code: 'validation_failed' },
  { name: 'unknown kind', body: { id: 'x-town', kind: 'planet', names: { en: 'X', fr: 'X', ar: 'س' } }, status: 400, code: 'validation_failed' },
  { name: 'lower-case acronym', body: { id: 'x-town', kind: 'actor', names: { en: 'X', fr: 'X', ar: 'س' }, acronyms: ['sdf'] }, status: 400, code: 'validation_failed' },
];
for (const c of badEntities) {
  test(`entity edits refuse ${c.name}`, async () => {
    const id = c.body.id as string;
    const res = await h.call(h.admin.key, { method: 'PUT', url: `/v1/entities/${id}`, payload: c.body });
    assert.equal(res.statusCode, c.status, res.body);
    assert.equal(res.json().error.code, c.code);
  });
}

test('entity edit with a body id different from the path is refused', async () => {
  const res = await h.call(h.admin.key, { method: 'PUT', url: '/v1/entities/sy-a', payload: { id: 'sy-b', kind: 'region', names: { en: 'A', fr: 'A', ar: 'ا' } } });
  assert.equal(res.statusCode, 422);
});

test('entities search tells a governorate from the same-name city by a label with kind and parent path, governorate first', async () => {
  const town = { id: 'sy-town-deir-ez-zor', kind: 'region', type: 'town', names: { en: 'Deir ez-Zor', fr: 'Deir ez-Zor', ar: 'دير الزور' }, parents: ['sy-deir-ez-zor'] };
  assert.equal((await h.call(h.admin.key, { method: 'PUT', url: `/v1/entities/${town.id}`, payload: town })).statusCode, 200);
  try {
    for (const q of ['Deir ez-Zor', 'دير الزور']) {
      const res = await h.call(h.alice.key, { method: 'GET', url: `/v1/entities?kind=region&search=${encodeURIComponent(q)}` });
      const found = res.json().entities.map((e: { id: string; label: string }) => [e.id, e.label]);
      assert.deepEqual(found.slice(0, 2), [
        ['sy-deir-ez-zor', 'Deir ez-Zor (governorate, Syria)'],
        ['sy-town-deir-ez-zor', 'Deir ez-Zor (town, Deir ez-Zor › Syria)'],
      ], q);
    }
  } finally {
    await h.call(h.admin.key, { method: 'DELETE', url: `/v1/entities/${town.id}` });
  }
});
