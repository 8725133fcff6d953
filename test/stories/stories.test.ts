// Story grouping: table cases for each rule (URL, near-duplicate text, same event across languages,
// windows, counts), the pieces (URL canonical form, counts, index keys), and the team's eval set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/paths.js';
import { assignStory, candidateKeys, storyIdFor, type StoryCandidate } from '../../src/core/stories/assign-story.js';
import { storyFingerprint, type StoryFingerprintInput } from '../../src/core/stories/story-fingerprint.js';
import { canonicalStoryUrl } from '../../src/core/stories/story-url.js';
import { storyNumbers } from '../../src/core/stories/story-numbers.js';
import { isTollUpdate } from '../../src/core/stories/toll-update.js';
import { storyEntityKind } from '../../src/core/stories/story-entity-kind.js';
import { tokenize } from '../../src/core/match/tokenize.js';
import { pairwiseQuality, replayStories, type EvalSet } from '../../bench/story-eval.js';

const KINDS = { 'sy-deir-ez-zor': 'area', sy: 'area' } as const;

function fp(over: Partial<StoryFingerprintInput>) {
  return storyFingerprint({
    url: 'https://osdh-fr.example.org/2026/03/11/frappe-boukamal/', title: '', lead: '', entityIds: [],
    fetchedAt: '2026-03-11T09:00:00Z', entityKinds: KINDS, ...over,
  });
}

const FR_STRIKE = {
  lang: 'fr', published: '2026-03-11T08:40:00Z',
  title: 'Deir Ezzor : une frappe de drone tue 12 miliciens pro-iraniens près de Boukamal',
  lead: "Douze membres d'une milice soutenue par l'Iran ont été tués mercredi matin par une frappe de drone non identifié qui a visé leur convoi près de la ville de Boukamal, dans la campagne orientale de Deir Ezzor, selon l'OSDH. La frappe a eu lieu près du poste-frontière d'Al-Qaïm.",
  entityIds: ['sy-abu-kamal', 'sy-deir-ez-zor', 'actor-iran-militias'],
};

const first = (input: Partial<StoryFingerprintInput>): StoryCandidate => ({ storyId: 'sto_first', fingerprint: fp(input) });
const NOW = new Date('2026-03-11T12:00:00Z');

const ASSIGN_CASES: Array<{ name: string; existing: Partial<StoryFingerprintInput>; next: Partial<StoryFingerprintInput>; now?: Date; joins: boolean; reason: RegExp }> = [
  {
    name: 'the same article under its tracking-link URL (http, www, utm_*, fragment) joins by canonical URL',
    existing: FR_STRIKE,
    next: { ...FR_STRIKE, url: 'http://www.osdh-fr.example.org/2026/03/11/frappe-boukamal?utm_source=x&fbclid=1#top', fetchedAt: '2026-03-11T11:00:00Z' },
    joins: true, reason: /same canonical URL/,
  },
  {
    name: 'a wire repost under another URL with small edits and no entities joins by title+lead shingles',
    existing: { ...FR_STRIKE, entityIds: [] },
    next: {
      ...FR_STRIKE, entityIds: [], url: 'https://actu-levant.example.net/syrie/12-miliciens-tues-48213',
      title: 'Syrie : une frappe de drone tue 12 miliciens pro-iraniens près de Boukamal',
      lead: FR_STRIKE.lead.replace('mercredi matin', 'mercredi').replace("selon l'OSDH", "a indiqué l'OSDH"),
    },
    joins: true, reason: /near-duplicate text/,
  },
  {
    name: 'the Arabic report of the same strike (١٢ in Arabic-Indic digits) joins by place, actor and count',
    existing: FR_STRIKE,
    next: {
      lang: 'ar', url: 'https://sohr-ar.example.org/591022/', published: '2026-03-11T09:30:00Z',
      title: 'مسيرة مجهولة تقتل ١٢ عنصراً من الميليشيات الإيرانية قرب البوكمال',
      lead: 'قتل ١٢ عنصراً من الميليشيات الموالية لإيران جراء استهداف طائرة مسيرة مجهولة رتلاً قرب مدينة البوكمال بريف دير الزور الشرقي.',
      entityIds: ['sy-abu-kamal', 'sy-deir-ez-zor', 'actor-iran-militias'],
    },
    joins: true, reason: /same event \(fr->ar\).*sy-abu-kamal.*actor-iran-militias.*counts 12/,
  },
  {
    name: 'same town and actor the same day with another headline count is another event',
    existing: FR_STRIKE,
    next: {
      lang: 'en', url: 'https://sohr-en.example.org/118251/arrests', published: '2026-03-11T11:20:00Z',
      title: 'Iran-backed militias arrest 30 young men at checkpoints in Al-Bukamal',
      lead: 'Iran-backed militias arrested 30 young men at checkpoints inside Al-Bukamal city on Wednesday.',
      entityIds: ['sy-abu-kamal', 'actor-iran-militias'],
    },
    joins: false, reason: /headline counts differ \(30 vs 12\)/,
  },
  {
    name: 'a football match in the same town shares only the place: new story',
    existing: FR_STRIKE,
    next: {
      lang: 'fr', url: 'https://sport.example.com/boukamal-derby', published: '2026-03-11T11:00:00Z',
      title: 'Football : victoire du club de Boukamal devant son public', lead: 'Le club local a gagné dimanche à Boukamal.',
      entityIds: ['sy-abu-kamal'],
    },
    joins: false, reason: /only places in common/,
  },
  {
    name: 'the same text three days later is outside the 48 h window: new story',
    existing: FR_STRIKE,
    next: { ...FR_STRIKE, url: 'https://archive.example.org/boukamal', published: '2026-03-14T09:00:00Z', fetchedAt: '2026-03-14T09:10:00Z' },
    now: new Date('2026-03-14T09:10:00Z'),
    joins: false, reason: /outside the 48 h window/,
  },
  {
    name: 'place and count in common but 30 h apart is beyond the entity window: new story',
    existing: FR_STRIKE,
    next: {
      lang: 'en', url: 'https://sohr-en.example.org/118302/strike', published: '2026-03-12T14:40:00Z', fetchedAt: '2026-03-12T14:45:00Z',
      title: 'Drone strike kills 12 militiamen near Al-Bukamal', lead: 'Twelve members of Iran-backed militias were killed near Al-Bukamal.',
      entityIds: ['sy-abu-kamal', 'actor-iran-militias'],
    },
    now: new Date('2026-03-12T14:45:00Z'),
    joins: false, reason: /beyond 24 h for the entity rule/,
  },
  {
    name: 'place and actor without any count, 8 h apart: too weak, new story',
    existing: { ...FR_STRIKE, title: 'Frappe de drone près de Boukamal', lead: 'Une frappe a visé une milice pro-iranienne près de Boukamal.' },
    next: {
      lang: 'ar', url: 'https://sohr-ar.example.org/591300/', published: '2026-03-11T16:40:00Z', fetchedAt: '2026-03-11T16:45:00Z',
      title: 'استهداف موقع للميليشيات الإيرانية في البوكمال', lead: 'استهدفت طائرة مسيرة موقعاً للميليشيات الإيرانية في البوكمال.',
      entityIds: ['sy-abu-kamal', 'actor-iran-militias'],
    },
    now: new Date('2026-03-11T16:45:00Z'),
    joins: false, reason: /beyond 6 h for place\+actor evidence/,
  },
  {
    name: 'place and actor without any count, 1 h apart: same story',
    existing: { ...FR_STRIKE, title: 'Frappe de drone près de Boukamal', lead: 'Une frappe a visé une milice pro-iranienne près de Boukamal.' },
    next: {
      lang: 'ar', url: 'https://sohr-ar.example.org/591300/', published: '2026-03-11T09:40:00Z', fetchedAt: '2026-03-11T09:45:00Z',
      title: 'استهداف موقع للميليشيات الإيرانية في البوكمال', lead: 'استهدفت طائرة مسيرة موقعاً للميليشيات الإيرانية في البوكمال.',
      entityIds: ['sy-abu-kamal', 'actor-iran-militias'],
    },
    joins: true, reason: /same event \(fr->ar\).*counts -/,
  },
  {
    name: 'a toll update hours later ("toll rises to 15", not citing the 12) on the same town and actor joins',
    existing: FR_STRIKE,
    next: {
      lang: 'en', url: 'https://sohr-en.example.org/118260/toll', published: '2026-03-11T11:40:00Z', fetchedAt: '2026-03-11T11:45:00Z',
      title: 'Toll of drone strike near Al-Bukamal rises to 15', lead: 'Fifteen members of Iran-backed militias are now known dead after the drone strike near Al-Bukamal.',
      entityIds: ['sy-abu-kamal', 'actor-iran-militias'],
    },
    joins: true, reason: /same event.*actors actor-iran-militias; counts toll update \(15 vs 12\)/,
  },
  {
    name: 'the French "le bilan s\'alourdit" is a toll update too',
    existing: FR_STRIKE,
    next: {
      lang: 'fr', url: 'https://actu-levant.example.net/syrie/bilan-boukamal', published: '2026-03-11T11:00:00Z',
      title: "Boukamal : le bilan de la frappe de drone s'alourdit à 14 morts", lead: 'Quatorze miliciens pro-iraniens ont péri près de Boukamal.',
      entityIds: ['sy-abu-kamal', 'actor-iran-militias'],
    },
    joins: true, reason: /toll update \(14 vs 12\)/,
  },
  {
    name: 'a toll that "rises" to a lower figure is not an update of this story',
    existing: FR_STRIKE,
    next: {
      lang: 'en', url: 'https://sohr-en.example.org/118261/toll', published: '2026-03-11T11:40:00Z',
      title: 'Toll of drone strike near Al-Bukamal rises to 5', lead: 'Five members of Iran-backed militias died near Al-Bukamal.',
      entityIds: ['sy-abu-kamal', 'actor-iran-militias'],
    },
    joins: false, reason: /headline counts differ \(5 vs 12\)/,
  },
  {
    name: 'a lower count after a toll update is another event, not a copy of the update',
    existing: { ...FR_STRIKE, title: 'Boukamal : le bilan de la frappe de drone s\'alourdit à 12 morts' },
    next: {
      lang: 'en', url: 'https://sohr-en.example.org/118263/new-strike', published: '2026-03-11T11:40:00Z',
      title: 'New drone strike kills 2 Iran-backed militiamen near Al-Bukamal', lead: 'Two members of Iran-backed militias died in a second strike near Al-Bukamal.',
      entityIds: ['sy-abu-kamal', 'actor-iran-militias'],
    },
    joins: false, reason: /headline counts differ \(2 vs 12\)/,
  },
  {
    name: 'a toll update on the same town with no actor in common is not enough',
    existing: FR_STRIKE,
    next: {
      lang: 'en', url: 'https://sohr-en.example.org/118262/toll', published: '2026-03-11T11:40:00Z',
      title: 'Toll of clashes in Al-Bukamal rises to 20', lead: 'Twenty people died in clashes with ISIS in Al-Bukamal.',
      entityIds: ['sy-abu-kamal', 'actor-isis'],
    },
    joins: false, reason: /headline counts differ \(20 vs 12\)/,
  },
  {
    name: 'sharing only the governorate (an area) is no evidence: new story',
    existing: FR_STRIKE,
    next: {
      lang: 'en', url: 'https://example.com/hajin', published: '2026-03-11T10:00:00Z',
      title: 'ISIS kills 12 SDF fighters near Hajin', lead: 'Twelve SDF fighters were killed by ISIS near Hajin in Deir Ezzor.',
      entityIds: ['sy-hajin', 'sy-deir-ez-zor', 'actor-isis', 'actor-sdf'],
    },
    joins: false, reason: /no precise place in common/,
  },
];

for (const c of ASSIGN_CASES) {
  test(`assignStory: ${c.name}`, () => {
    const next = fp(c.next);
    const r = assignStory(next, [first(c.existing)], { now: c.now ?? NOW });
    assert.equal(r.isNew, !c.joins, r.reason);
    assert.equal(r.storyId, c.joins ? 'sto_first' : storyIdFor(next));
    assert.match(r.reason, c.reason);
    assert.ok(c.joins ? r.score > 0 : r.score === 0);
  });
}

test('assignStory: with no candidate the story id comes from the canonical URL, the same for its variants', () => {
  const a = assignStory(fp({ url: 'https://www.example.org/a/b/?utm_medium=x' }), [], { now: NOW });
  const b = assignStory(fp({ url: 'http://example.org/a/b' }), [], { now: NOW });
  assert.equal(a.isNew, true);
  assert.match(a.storyId, /^sto_[0-9a-f]{24}$/);
  assert.equal(a.storyId, b.storyId);
  assert.match(a.reason, /no recent candidate/);
  assert.notEqual(a.storyId, assignStory(fp({ url: 'https://example.org/a/c' }), [], { now: NOW }).storyId);
});

test('assignStory: a URL match wins over a candidate with a higher-scoring entity match', () => {
  const next = fp({ ...FR_STRIKE, url: 'https://www.osdh-fr.example.org/2026/03/11/frappe-boukamal/?utm_source=rss' });
  const byEntities: StoryCandidate = { storyId: 'sto_other', fingerprint: fp({ ...FR_STRIKE, url: 'https://b.example/x', title: 'x', lead: 'y' }) };
  const byUrl: StoryCandidate = { storyId: 'sto_url', fingerprint: fp({ url: 'https://osdh-fr.example.org/2026/03/11/frappe-boukamal' }) };
  assert.match(assignStory(next, [byEntities], { now: NOW }).reason, /same event/);
  assert.equal(assignStory(next, [byEntities, byUrl], { now: NOW }).storyId, 'sto_url');
  assert.equal(assignStory(next, [byUrl, byEntities], { now: NOW }).storyId, 'sto_url');
});

test('storyFingerprint: a published time after fetchedAt falls back to fetchedAt; JSON round-trip is lossless', () => {
  const f = fp({ ...FR_STRIKE, published: '2026-03-12T08:00:00Z', fetchedAt: '2026-03-11T09:00:00Z' });
  assert.equal(f.time, '2026-03-11T09:00:00.000Z');
  const copy = JSON.parse(JSON.stringify(f)) as typeof f;
  assert.deepEqual(copy, f);
  assert.equal(assignStory(fp({ ...FR_STRIKE, url: 'https://mirror.example/x' }), [{ storyId: 'sto_j', fingerprint: copy }], { now: NOW }).storyId, 'sto_j');
  assert.deepEqual(f.places, ['sy-abu-kamal']);
  assert.deepEqual(f.areas, ['sy-deir-ez-zor']);
  assert.deepEqual(f.actors, ['actor-iran-militias']);
});

const TOLL_UPDATE_CASES: Array<[string, string, boolean]> = [
  ['English "toll rises to"', 'Death toll from Abu Kamal strike rises to 9', true],
  ['English "toll has climbed"', 'The toll of the attack has climbed to 11 dead', true],
  ['French "le bilan s\'alourdit"', "Le bilan de la frappe s'alourdit à cinq morts", true],
  ['French "le bilan passe à"', 'Le bilan passe à 9 morts', true],
  ['Arabic "ارتفاع حصيلة"', 'ارتفاع حصيلة القتلى إلى 9 في البوكمال', true],
  ['Arabic "وارتفعت حصيلة" with a proclitic', 'وارتفعت حصيلة ضحايا الغارة', true],
  ['a first report is not an update', 'Air strike kills six in Abu Kamal', false],
  ['a rise that is not a toll', 'Prices rise to record in Homs', false],
];
for (const [name, text, want] of TOLL_UPDATE_CASES) {
  test(`isTollUpdate: ${name}`, () => assert.equal(isTollUpdate(tokenize(text)), want));
}

const NUMBER_CASES: Array<[string, string, number[]]> = [
  ['English digits', '12 killed in Abu Kamal', [12]],
  ['French digits', '12 morts à Boukamal', [12]],
  ['Arabic-Indic digits', '١٢ قتيلا في البوكمال', [12]],
  ['number words in mention order', 'three soldiers killed and two civilians wounded', [3, 2]],
  ['French number words', 'deux morts et cinq blessés', [2, 5]],
  ['Arabic number word', 'أصيب ثلاثة آخرون', [3]],
  ['Arabic dual nouns, with a proclitic', 'قتل شخصان وأصيب وشخصين آخرين', [2]],
  ['dates and years are not counts', 'on 12 March 2026, le 3 mars, في 5 آذار', []],
  ['durations and distances are not counts', 'for 24 hours, 10 km away, pendant 3 jours', []],
  ['one is not counted', 'one man, un mort', []],
];
for (const [name, text, want] of NUMBER_CASES) {
  test(`storyNumbers: ${name}`, () => assert.deepEqual(storyNumbers(tokenize(text)), want));
}

const URL_CASES: Array<[string, string, string]> = [
  ['tracking parameters, www, scheme, fragment', 'http://www.Example.org/a/b/?utm_source=x&fbclid=y#c', 'example.org/a/b'],
  ['kept parameters are sorted', 'https://example.org/news?p=2&id=7&gclid=z', 'example.org/news?id=7&p=2'],
  ['AMP variants', 'https://amp.example.org/story/amp/', 'example.org/story'],
  ['mobile host', 'https://m.example.org/story', 'example.org/story'],
  ['non-default port kept', 'https://example.org:8443/x/', 'example.org:8443/x'],
  ['not a URL: trimmed text', '  not a url ', 'not a url'],
];
for (const [name, url, want] of URL_CASES) {
  test(`canonicalStoryUrl: ${name}`, () => assert.equal(canonicalStoryUrl(url), want));
}

test('storyEntityKind: towns and districts are places, governorates and countries are areas', () => {
  assert.equal(storyEntityKind({ kind: 'region', type: 'town' }), 'place');
  assert.equal(storyEntityKind({ kind: 'region', type: 'district' }), 'place');
  assert.equal(storyEntityKind({ kind: 'region' }), 'place');
  assert.equal(storyEntityKind({ kind: 'region', type: 'governorate' }), 'area');
  assert.equal(storyEntityKind({ kind: 'region', type: 'Country' }), 'area');
  assert.equal(storyEntityKind({ kind: 'actor', type: 'militia' }), 'actor');
  assert.equal(storyEntityKind({ kind: 'topic' }), 'topic');
});

test('candidateKeys: URL and precise places are keys, actors and areas are not; near-duplicates share a band', () => {
  const a = fp(FR_STRIKE);
  const keys = candidateKeys(a);
  assert.ok(keys.some((k) => k.startsWith('u:')));
  assert.ok(keys.includes('p:sy-abu-kamal'));
  assert.ok(!keys.some((k) => k.includes('deir-ez-zor') || k.includes('actor-')));
  assert.equal(keys.filter((k) => k.startsWith('b:')).length, 16);
  const repost = fp({ ...FR_STRIKE, entityIds: [], url: 'https://x.example/y', lead: FR_STRIKE.lead.replace('mercredi matin', 'mercredi') });
  const bands = (k: string[]): Set<string> => new Set(k.filter((x) => x.startsWith('b:')));
  const shared = [...bands(candidateKeys(repost))].filter((k) => bands(keys).has(k));
  assert.ok(shared.length > 0, 'a light edit keeps at least one band');
  const other = fp({ title: 'Wildfires rage in Latakia countryside', lead: 'Fires burned for a third day in the forests around Rabia, as firefighting teams struggled against strong winds.' });
  assert.equal([...bands(candidateKeys(other))].filter((k) => bands(keys).has(k)).length, 0);
});

test('eval set: pairwise precision >= 0.95 and recall >= 0.9 on the team-written articles', (t) => {
  const file = path.join(repoRoot, 'test', 'fixtures', 'stories', 'eval-set.json');
  const set = JSON.parse(fs.readFileSync(file, 'utf8')) as EvalSet;
  assert.ok(set.articles.length >= 40);
  assert.deepEqual(new Set(set.articles.map((a) => a.lang)), new Set(['fr', 'en', 'ar']));
  const q = pairwiseQuality(set.articles, replayStories(set));
  t.diagnostic(`precision ${q.precision.toFixed(3)} recall ${q.recall.toFixed(3)} (${q.correctPairs}/${q.predictedPairs} predicted, ${q.truePairs} true pairs)`);
  for (const e of q.wrongMerges) t.diagnostic(`wrong merge ${e.a}+${e.b}: ${e.reason}`);
  for (const e of q.wrongSplits) t.diagnostic(`wrong split ${e.a}/${e.b}: ${e.reason}`);
  assert.ok(q.precision >= 0.95, `precision ${q.precision}`);
  assert.ok(q.recall >= 0.9, `recall ${q.recall}`);
});
