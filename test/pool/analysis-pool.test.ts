// The analysis pool gives the same answers on its threads as in-process: feed items, extracted pages,
// matches and events; a VigieError keeps its code and permanence across the thread boundary; and a new
// catalog version (an entity edit) is what a thread matches with from the next task on; threads read
// a catalog the process already holds before their first analysis, and warming never compiles one.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisPool, type AnalysisPool } from '../../src/adapters/pool/create-analysis-pool.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { entitySchema } from '../../src/core/entities/entity.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';
import { FIXTURE_ENTITIES, OSDH_FR } from '../api/fixture-entities.js';
import { parseQuery } from '../../src/core/match/query/parse-query.js';
import { createEntityCatalog } from '../../src/pipeline/entity-catalog.js';
import { waitFor } from '../harness/vigie-process.js';

const threaded = createAnalysisPool({ threads: 1 });
const inProcess = createAnalysisPool({ threads: 0 });
after(() => threaded.close());

const modes: Array<[string, AnalysisPool]> = [['on a thread', threaded], ['in-process', inProcess]];
const v1 = { version: 'v1', matcher: compileMatcher(FIXTURE_ENTITIES), entities: FIXTURE_ENTITIES };

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://news.example/</link><description>d</description><ttl>30</ttl>
<item><title>Frappe près de Boukamal</title><link>/a/1?utm_source=rss</link><guid>g1</guid><description>Résumé</description></item></channel></rss>`;
const PAGE = '<html lang="fr"><body><nav>Accueil</nav><article><h1>Frappe</h1><p>Une frappe de drone a visé un véhicule près de Boukamal, dans la province de Deir ez-Zor, selon l\'OSDH.</p><p>Trois morts.</p></article></body></html>';

for (const [mode, pool] of modes) {
  test(`${mode}: a feed becomes its items, with the feed's ttl`, async () => {
    const got = await pool.readSourceDoc({ body: Buffer.from(FEED), contentType: 'application/rss+xml', url: 'https://news.example/feed.xml', kind: 'feed' });
    assert.equal(got.ttlSeconds, 1800);
    assert.deepEqual(got.items.map((i) => [i.key, i.url, i.title]), [['g1', 'https://news.example/a/1', 'Frappe près de Boukamal']]);
  });

  test(`${mode}: a page that is not a feed is refused with NOT_A_FEED, permanent, as a VigieError`, async () => {
    await assert.rejects(pool.readSourceDoc({ body: Buffer.from(PAGE), contentType: 'text/html', url: 'https://news.example/', kind: 'feed' }), (err) => {
      assert.ok(isVigieError(err), 'a VigieError');
      assert.equal(err.code, 'NOT_A_FEED');
      assert.equal(err.permanent, true);
      assert.match(err.message, /^[a-z-]+: /, 'one module prefix');
      assert.doesNotMatch(err.message, /^([a-z-]+): \1: /, 'not prefixed twice');
      return true;
    });
  });

  test(`${mode}: a page's text and language are extracted, the navigation left out`, async () => {
    const a = await pool.extractPage({ body: Buffer.from(PAGE), contentType: 'text/html; charset=utf-8', url: 'https://news.example/a/1' });
    assert.match(a.text, /près de Boukamal/);
    assert.doesNotMatch(a.text, /Accueil/);
    assert.equal(a.lang, 'fr');
  });

  test(`${mode}: the OSDH report matches Boukamal, Deir ez-Zor and Kataib Hezbollah, with its event`, async () => {
    const { result, events } = await pool.analyse(OSDH_FR, v1, { events: true });
    assert.deepEqual(result.entities.map((e) => e.id).sort(), ['actor-kataib-hezbollah', 'sy-boukamal', 'sy-deir-ez-zor']);
    assert.equal(events[0]?.type, 'air_strike');
    assert.equal(events[0]?.killed, 3);
  });

  test(`${mode}: a named group the catalog lacks is found as a candidate, a known one is not`, async () => {
    const doc = { text: 'A new militia called the Guardians of Zaynab has appeared near Abu Kamal. A new militia called Kataib Hezbollah was seen too.', lang: 'en' };
    const { candidates } = await pool.analyse(doc, v1, { events: false, candidates: true });
    assert.deepEqual(candidates.map((c) => c.name), ['Guardians of Zaynab']);
  });
}

test('keyword queries over a long text (sent to a thread) and a short one (in place) get the same verdicts', async () => {
  const queries = ['"drone strike" NEAR/3 convoy', 'convoy AND NOT ambush', 'ambush', 'type:air_strike'].map(parseQuery);
  const events = [{ type: 'air_strike' as const, killed: null, injured: null, where: [], actors: [], evidence: [], summary: '' }];
  const short = { title: 'Drone strike', text: 'A drone strike hit a convoy near Abu Kamal.' };
  const long = { ...short, text: `${short.text} ${'Nothing else happened that day. '.repeat(4000)}` };
  assert.ok(long.text.length > 100_000, 'long enough for the thread');
  for (const pool of [threaded, inProcess]) {
    assert.deepEqual(await pool.evaluateQueries({ doc: short, queries, events }), [true, true, false, true]);
    assert.deepEqual(await pool.evaluateQueries({ doc: long, queries, events }), [true, true, false, true]);
  }
});

test('a thread matches with the new catalog as soon as a task carries its version', async () => {
  const text = { title: 'Clashes in Hajin', text: 'Clashes were reported in Hajin overnight.', lang: 'en' };
  assert.deepEqual((await threaded.analyse(text, v1, { events: false })).result.entities, []);
  const hajin = entitySchema.parse({ id: 'sy-hajin', kind: 'region', type: 'town', names: { en: 'Hajin', fr: 'Hajin', ar: 'هجين' }, parents: ['sy-deir-ez-zor'] });
  const v2 = { version: 'v2', matcher: compileMatcher([...FIXTURE_ENTITIES, hajin]), entities: [...FIXTURE_ENTITIES, hajin] };
  assert.deepEqual((await threaded.analyse(text, v2, { events: false })).result.entities.map((e) => e.id), ['sy-hajin']);
  // And back: the version, not the thread's last load, decides.
  assert.deepEqual((await threaded.analyse(text, v1, { events: false })).result.entities, []);
});

test('matches on a thread equal those in-process, offsets and snippets included', async () => {
  const [a, b] = await Promise.all([threaded.analyse(OSDH_FR, v1, { events: true }), inProcess.analyse(OSDH_FR, v1, { events: true })]);
  assert.deepEqual(a, b);
});

test('threads that start while the process holds a compiled catalog read it before the first analysis', async () => {
  const warm = createAnalysisPool({ threads: 2, catalogInHand: () => v1 });
  try {
    assert.deepEqual(warm.threadsWarmth(), [], 'no thread before the first task');
    await warm.readSourceDoc({ body: Buffer.from(FEED), contentType: 'application/rss+xml', url: 'https://news.example/feed.xml', kind: 'feed' });
    const threads = await waitFor('both threads warm', () => {
      const t = warm.threadsWarmth();
      return t.length === 2 && t.every((x) => x.catalogVersion === 'v1') && t;
    }, 30_000, 20);
    assert.equal(new Set(threads.map((t) => t.threadId)).size, 2, 'two threads, each warmed once');
    assert.ok(threads.every((t) => t.error === undefined && t.read === true), 'each read it on the channel, no task brought it');
    const { result, events, candidates } = await warm.analyse(OSDH_FR, v1, { events: true, candidates: true });
    assert.deepEqual(result.entities.map((e) => e.id).sort(), ['actor-kataib-hezbollah', 'sy-boukamal', 'sy-deir-ez-zor']);
    assert.equal(events[0]?.type, 'air_strike');
    assert.deepEqual(candidates, []);
  } finally {
    await warm.close();
  }
});

test('without a compiled catalog the threads start and read nothing, and warming compiles none', async () => {
  const catalog = createEntityCatalog(FIXTURE_ENTITIES);
  const cold = createAnalysisPool({ threads: 2, catalogInHand: () => catalog.peek() });
  try {
    await cold.readSourceDoc({ body: Buffer.from(FEED), contentType: 'application/rss+xml', url: 'https://news.example/feed.xml', kind: 'feed' });
    const threads = await waitFor('both threads started', () => cold.threadsWarmth().length === 2 && cold.threadsWarmth(), 30_000, 20);
    assert.deepEqual(threads.map((t) => t.catalogVersion), [undefined, undefined]);
    assert.equal(catalog.peek(), undefined, 'nothing compiled the catalog');
    // The first analysis compiles it (as before); the thread not running that task reads it while idle.
    const snap = await catalog.current();
    await cold.analyse(OSDH_FR, snap, { events: true, candidates: true });
    await waitFor('both threads hold the new catalog', () => cold.threadsWarmth().every((t) => t.catalogVersion === snap.version) || undefined, 30_000, 20);
  } finally {
    await cold.close();
  }
});

test('in-process there are no threads to warm', () => {
  assert.deepEqual(inProcess.threadsWarmth(), []);
});

test('a catalog compiled on a thread comes back as the bytes threads read, and is matched without a matcher on this thread', async () => {
  const hajin = entitySchema.parse({ id: 'sy-hajin', kind: 'region', type: 'town', names: { en: 'Hajin', fr: 'Hajin', ar: 'هجين' }, parents: ['sy-deir-ez-zor'] });
  const compiled = await threaded.compileCatalog(FIXTURE_ENTITIES, [hajin]);
  assert.ok('shared' in compiled, 'snapshot bytes, not a matcher');
  // The pool must use the bytes as they are: a catalog whose matcher cannot be had still matches.
  const catalog = { version: 'compiled-on-thread', shared: compiled.shared, entities: [...FIXTURE_ENTITIES, hajin],
    get matcher(): never { throw new Error('the pool asked for a matcher on the event loop'); } };
  const text = { title: 'Clashes in Hajin', text: 'Clashes were reported in Hajin, near Abu Kamal. A new militia called the Hajin Lions appeared.', lang: 'en' };
  const { result, candidates } = await threaded.analyse(text, catalog, { events: false, candidates: true });
  assert.deepEqual(result.entities.map((e) => e.id).sort(), ['sy-boukamal', 'sy-hajin']);
  assert.deepEqual(candidates.map((c) => c.name), ['Hajin Lions']);
  const here = await inProcess.compileCatalog(FIXTURE_ENTITIES, [hajin]);
  assert.ok('matcher' in here, 'in-process: a matcher');
  assert.deepEqual((await inProcess.analyse(text, { version: 'here', ...here, entities: catalog.entities }, { events: false })).result, result);
});

test('an entity catalog given the pool\'s compile holds the thread\'s bytes, and threads read that version while idle', async () => {
  // Wired as services wire them: the pool compiles the catalog and offers what the catalog holds to threads that start later.
  const catalog = createEntityCatalog(FIXTURE_ENTITIES, undefined, undefined, { compile: (base, overlay) => warm.compileCatalog(base, overlay) });
  const warm = createAnalysisPool({ threads: 2, catalogInHand: () => catalog.peek() });
  try {
    const snap = await catalog.current();
    assert.ok(snap.shared, 'the snapshot holds the bytes the thread wrote');
    await warm.analyse(OSDH_FR, snap, { events: false });
    await waitFor('both threads hold the compiled catalog', () => warm.threadsWarmth().length === 2 && warm.threadsWarmth().every((t) => t.catalogVersion === snap.version) || undefined, 30_000, 20);
    // Matching on this thread (backtest) reads the same bytes.
    assert.deepEqual((await inProcess.analyse(OSDH_FR, snap, { events: false })).result, (await warm.analyse(OSDH_FR, snap, { events: false })).result);
  } finally {
    await warm.close();
  }
});
