// Checks the shipped entity data (config/entities): it loads, covers Syria's administrative units with
// the right parents, has enough places and actors, and the news spellings resolve to one entity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadEntities } from '../../src/config/load-entities.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { aliasVariants } from '../../src/core/match/alias-variants.js';
import { corpusDir, repoRoot } from '../harness/paths.js';
import { LANGS } from '../../src/core/entities/entity.js';

const entities = loadEntities(path.join(repoRoot, 'config', 'entities'));
const byId = new Map(entities.map((e) => [e.id, e]));
const matcher = compileMatcher(entities);

interface OsUnit { id: string; governorateId?: string; externalIds: { ochaPcode?: string } }
const readOs = (file: string): OsUnit[] => JSON.parse(fs.readFileSync(path.join(corpusDir, 'gazetteer', 'opensyria', file), 'utf8')) as OsUnit[];

test('the shipped entities load without errors and every entity has en/fr/ar names', () => {
  assert.ok(entities.length > 300, `only ${entities.length} entities`);
  for (const e of entities) {
    for (const lang of ['en', 'fr', 'ar'] as const) assert.ok(e.names[lang].trim().length > 0, `${e.id} has no ${lang} name`);
    // A Who's On First village the data names in Latin only keeps its Latin name in Arabic too (no
    // Arabic spelling is invented): nothing else may lack an Arabic-script name.
    if (latinOnlyPlace(e)) continue;
    assert.match(e.names.ar, /\p{Script=Arabic}/u, `${e.id}: the Arabic name is not in Arabic script`);
  }
  const latinOnly = entities.filter(latinOnlyPlace);
  assert.ok(latinOnly.length > 1000 && latinOnly.length < 3000, `${latinOnly.length} Latin-only places`);
  assert.ok(latinOnly.every((e) => e.type === 'town' || e.type === 'neighbourhood' || e.type === 'campus'));
});

const latinOnlyPlace = (e: (typeof entities)[number]): boolean =>
  e.kind === 'region' && e.names.ar === e.names.en && (e.sources ?? []).join() === 'whosonfirst' && !/\p{Script=Arabic}/u.test(e.names.ar);

test('a Latin-only village of the gazetteer is matched by its Latin names, with evidence like any minor place', () => {
  const e = byId.get('lb-ali-en-nahri')!;
  assert.ok(latinOnlyPlace(e));
  const text = 'Israeli jets struck Ali en Nahri, in the Zahle district, at dawn.';
  const r = matchDocument(matcher, { text, lang: 'en' });
  assert.ok(r.entities.some((x) => x.id === 'lb-ali-en-nahri'), JSON.stringify(r.unconfirmed?.map((u) => [u.entityId, u.unconfirmed])));
  // Its generated spellings need evidence as its names do: alone in a sentence, nothing counts.
  const alone = matchDocument(matcher, { text: 'Ali en Nahri spoke to reporters.', lang: 'en' });
  assert.equal(alone.entities.some((x) => x.id === 'lb-ali-en-nahri'), false);
});

test("Syria's 14 governorates exist, with OCHA codes, under Syria", () => {
  const governorates = readOs('governorates.json');
  assert.equal(governorates.length, 14);
  for (const g of governorates) {
    const e = byId.get(g.id);
    assert.ok(e, `missing governorate ${g.id}`);
    assert.equal(e.type, 'governorate');
    assert.deepEqual(e.parents, ['sy']);
    assert.equal(e.codes?.ocha, g.externalIds.ochaPcode);
  }
});

test('every OpenSyria district exists with its governorate as parent', () => {
  const districts = readOs('districts.json');
  assert.equal(districts.length, 62);
  for (const d of districts) {
    const e = byId.get(d.id);
    assert.ok(e, `missing district ${d.id}`);
    assert.equal(e.type, 'district');
    assert.deepEqual(e.parents, [d.governorateId], `${d.id} parents`);
    assert.equal(e.codes?.ocha, d.externalIds.ochaPcode);
  }
});

test('at least 150 towns and areas, each with a known region parent; at least 250 actors', () => {
  const units = new Set(['country', 'governorate', 'district']);
  const places = entities.filter((e) => e.kind === 'region' && !units.has(e.type ?? ''));
  assert.ok(places.length >= 150, `only ${places.length} towns/areas`);
  for (const p of places) {
    assert.ok(p.parents.length > 0, `${p.id} has no parent`);
    for (const parent of p.parents) assert.equal(byId.get(parent)?.kind, 'region', `${p.id}: parent ${parent}`);
  }
  const actors = entities.filter((e) => e.kind === 'actor');
  assert.ok(actors.length >= 250, `only ${actors.length} actors`);
});

const regionsIn = (text: string, lang: 'fr' | 'en' | 'ar'): string[] =>
  matchDocument(matcher, { text, lang }).entities.filter((e) => e.kind === 'region').map((e) => e.id);

// Table: the spelling as news write it -> the one region it must resolve to.
const SPELLINGS: Array<[string, 'fr' | 'en' | 'ar', string]> = [
  ...['Boukamal', 'Abou Kamal', 'Abu Kamal', 'Albukamal', 'Al-Bukamal', 'Al-Boukamal', 'Albu Kamal', 'Al Bukamal']
    .map((s): [string, 'fr' | 'en' | 'ar', string] => [s, 'fr', 'sy-town-abu-kamal']),
  ['البوكمال', 'ar', 'sy-town-abu-kamal'], ['البو كمال', 'ar', 'sy-town-abu-kamal'], ['أبو كمال', 'ar', 'sy-town-abu-kamal'],
  ['والبوكمال', 'ar', 'sy-town-abu-kamal'],
  ...['Deir ez-Zor', 'Deir Ezzor', 'Deir ezZor', 'Dayr az-Zawr', 'Deir el-Zor', 'Deïr ez-Zor']
    .map((s): [string, 'fr' | 'en' | 'ar', string] => [s, 'en', 'sy-town-deir-ez-zor']),
  ['دير الزور', 'ar', 'sy-town-deir-ez-zor'],
  ['province de Deir Ezzor', 'fr', 'sy-deir-ez-zor'], ['Deir ez-Zor province', 'en', 'sy-deir-ez-zor'], ['ريف دير الزور', 'ar', 'sy-deir-ez-zor'],
  ['Alep', 'fr', 'sy-town-aleppo'], ['Halab', 'en', 'sy-town-aleppo'], ['حلب', 'ar', 'sy-town-aleppo'],
  ['Damas', 'fr', 'sy-town-damascus'], ['دمشق', 'ar', 'sy-town-damascus'],
  ['Deraâ', 'fr', 'sy-town-daraa'], ['Soueida', 'fr', 'sy-town-as-suwaydah'], ['As-Suwayda', 'en', 'sy-town-as-suwaydah'],
  ['Kuneitra', 'fr', 'sy-town-quneitra'], ['القنيطرة', 'ar', 'sy-town-quneitra'], ['Rakka', 'fr', 'sy-town-ar-raqqah'],
  ['Hassaké', 'fr', 'sy-town-al-hasakah'], ['Qamichli', 'fr', 'sy-town-qamishli'], ['Lattaquié', 'fr', 'sy-town-latakia'],
  ['Tartous', 'fr', 'sy-town-tartous'], ['Idleb', 'fr', 'sy-town-idlib'], ['Mayadine', 'fr', 'sy-town-mayadin'],
  ['Al-Baghuz', 'en', 'sy-town-al-baghuz'], ['الباغوز', 'ar', 'sy-town-al-baghuz'], ['Al-Susah', 'en', 'sy-town-al-susah'],
  ['Dahieh', 'en', 'lb-area-dahieh'], ['banlieue sud de Beyrouth', 'fr', 'lb-area-dahieh'], ['Bekaa', 'en', 'lb-bekaa'],
  ['Al-Qaim', 'en', 'iq-town-al-qaim'], ['Bab al-Hawa', 'en', 'sy-crossing-bab-al-hawa'], ['Hmeimim', 'en', 'sy-base-hmeimim'],
];

for (const [spelling, lang, id] of SPELLINGS) {
  test(`"${spelling}" (${lang}) resolves to ${id} and nothing else`, () => {
    const sentence = { fr: `Une frappe a été signalée à ${spelling} hier.`, en: `A strike was reported near ${spelling} yesterday.`, ar: `وقع الانفجار في ${spelling} أمس.` }[lang];
    assert.deepEqual(regionsIn(sentence, lang), [id]);
  });
}

// Table: phrases in which a place or actor alias does NOT mean that entity.
const EXCLUDED: Array<[string, 'fr' | 'en' | 'ar']> = [
  ["du savon d'Alep artisanal", 'fr'], ['a pinch of Aleppo pepper', 'en'], ['selon la chaîne Al Mayadeen', 'fr'],
  ['Al Mayadeen TV reported', 'en'], ['قالت قناة الميادين', 'ar'], ['حمص بالطحينة', 'ar'], ['la Douma russe a voté', 'fr'],
  ['un couteau en acier Damas forgé main', 'fr'], ['Couteau Damas, lame de 20 cm', 'fr'], ['a set of Damascus knives', 'en'],
];
for (const [text, lang] of EXCLUDED) {
  test(`no region in "${text}"`, () => assert.deepEqual(regionsIn(text, lang), []));
}

test('Kataib Hezbollah is not Hezbollah', () => {
  const ids = matchDocument(matcher, { text: 'Kataib Hezbollah claimed the attack.', lang: 'en' }).entities.map((e) => e.id);
  assert.deepEqual(ids, ['actor-kataib-hezbollah']);
});

test('the generated gazetteer is up to date with the shared data and the hand-kept overlay', () => {
  // The compiled script sits next to this compiled test: dist*/scripts/build-gazetteer.js.
  const distRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const script = path.join(distRoot, 'scripts', 'build-gazetteer.js');
  const out = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  assert.match(out, /up to date/);
});

test('every id of the gazetteer before it covered every place still exists', () => {
  const kept = fs.readFileSync(path.join(repoRoot, 'scripts', 'gazetteer', 'kept-ids.txt'), 'utf8')
    .split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  assert.ok(kept.length >= 287);
  for (const id of kept) assert.ok(byId.has(id), `missing ${id}`);
});

test('every OpenSyria sub-district exists under its district; the gazetteer covers thousands of places', () => {
  const subdistricts = readOs('subdistricts.json');
  assert.equal(subdistricts.length, 272);
  for (const s of subdistricts as Array<OsUnit & { districtId: string }>) {
    const e = byId.get(s.id);
    assert.ok(e, `missing sub-district ${s.id}`);
    assert.equal(e.type, 'subdistrict');
    assert.deepEqual(e.parents, [s.districtId]);
  }
  const towns = entities.filter((e) => e.type === 'town');
  assert.ok(towns.length > 10000, `only ${towns.length} towns`);
  for (const cc of ['sy', 'lb', 'iq']) assert.ok(towns.filter((t) => t.id.startsWith(`${cc}-`)).length > 1000, `${cc} towns`);
});

// Table: hand-kept named areas of the news -> their parent.
const NAMED_AREAS: Array<[string, string, string]> = [
  ['sy-town-nubl', 'sy-aleppo-azaz', 'بلدة نبل'], ['sy-town-al-zahraa', 'sy-aleppo-azaz', 'الزهراء'], ['sy-area-habaria', 'sy-quneitra', 'الهبارية'],
  ['sy-prison-sednaya', 'sy-rif-dimashq-al-tall', 'سجن صيدنايا'], ['sy-town-al-hol', 'sy-al-hasakah-al-hasakah', 'مخيم الهول'],
  ['sy-town-rukban', 'sy-homs-tadmur', 'مخيم الركبان'], ['sy-area-roj-camp', 'sy-al-hasakah-al-malikiyah', 'مخيم روج'],
  ['sy-area-yarmouk', 'sy-damascus-damascus', 'مخيم اليرموك'], ['sy-area-qalamoun', 'sy-rif-dimashq', 'القلمون'],
  ['sy-area-ghab-plain', 'sy-hama-al-suqaylabiyah', 'سهل الغاب'], ['sy-area-jabal-al-turkman', 'sy-latakia-latakia', 'جبل التركمان'],
  ['sy-area-jabal-al-akrad', 'sy-latakia-al-haffah', 'جبل الأكراد'], ['sy-area-badia', 'sy', 'البادية السورية'],
  ['sy-area-eastern-ghouta', 'sy-rif-dimashq', 'الغوطة الشرقية'], ['sy-area-western-ghouta', 'sy-rif-dimashq', 'الغوطة الغربية'],
  ['sy-area-jobar', 'sy-town-damascus', 'جوبر'], ['sy-area-baba-amr', 'sy-town-homs', 'بابا عمرو'], ['lb-area-dahieh', 'lb-mount-lebanon', 'الضاحية الجنوبية'],
  ['iq-town-kirkuk', 'iq-kirkuk-kirkuk', 'كركوك'], ['iq-base-k1', 'iq-kirkuk-kirkuk', 'قاعدة كي وان'], ['iq-town-tal-afar', 'iq-nineveh-telafar', 'تلعفر'],
];
for (const [id, parent, ar] of NAMED_AREAS) {
  test(`${id} exists under ${parent} with its Arabic name`, () => {
    const e = byId.get(id);
    assert.ok(e, `missing ${id}`);
    assert.deepEqual(e.parents, [parent]);
    assert.ok([e.names.ar, ...(e.aliases.ar ?? [])].includes(ar), `${id}: ${ar}`);
  });
}

test('shared names are marked ambiguous except on the dominant place; minor places on every name', () => {
  const seat = byId.get('sy-town-as-suwaydah')!;
  const ownNames = new Set(LANGS.flatMap((l) => [seat.names[l], ...(seat.aliases[l] ?? [])]));
  assert.deepEqual(Object.keys(seat.ambiguous ?? {}).filter((a) => ownNames.has(a)), [], 'the governorate seat keeps its names (its generated spellings may be marked)');
  const others = entities.filter((e) => e.id !== 'sy-town-as-suwaydah' && e.type === 'town' && e.names.en === 'Suwaydah');
  assert.ok(others.length > 0);
  for (const e of others) assert.match(e.ambiguous?.Suwaydah ?? '', /same name as .*sy-town-as-suwaydah|minor place/);
  // Minor places: every name marked (a "minor place", or an everyday word the variant build re-marked).
  const minor = entities.filter((e) => LANGS.every((l) => /minor place/.test(e.ambiguous?.[e.names[l]] ?? ''))
    || (LANGS.every((l) => e.ambiguous?.[e.names[l]] !== undefined) && Object.values(e.ambiguous ?? {}).some((r) => /minor place/.test(r))));
  assert.ok(minor.length > 5000, `${minor.length} minor places`);
  for (const e of minor) assert.ok(e.type === 'town' || e.type === 'neighbourhood', e.id);
  for (const e of minor) assert.ok(!e.population || e.population < 1000, e.id);
});
test('no actor alias (names, aliases, former names, acronyms) is written unmarked on two entities', () => {
  // A village sharing a state's name (روسي, Hamis) is fine when the village's alias is marked ambiguous:
  // it then counts only with evidence, and the actor keeps the plain reading.
  const owners = new Map<string, Set<string>>();
  for (const e of entities) {
    const all = [...(['en', 'fr', 'ar'] as const).flatMap((l) => [e.names[l], ...(e.aliases[l] ?? []), ...(e.former?.[l] ?? [])]), ...e.acronyms]
      .filter((s) => e.ambiguous?.[s] === undefined);
    for (const s of all) {
      const key = aliasVariants(s)[0]!.join(' ');
      if (!owners.has(key)) owners.set(key, new Set());
      owners.get(key)!.add(e.id);
    }
  }
  const actorIds = new Set(entities.filter((e) => e.kind === 'actor').map((e) => e.id));
  const shared = [...owners].filter(([, ids]) => ids.size > 1 && [...ids].some((id) => actorIds.has(id)));
  assert.deepEqual(shared.map(([k, ids]) => `${k}: ${[...ids].join(', ')}`), []);
});

// Table: how news write an actor -> the one actor it must resolve to (a longer name hides the shorter
// names inside it: the Golan inside the Golan resistance group, the Quds Force inside nothing).
const ACTOR_SPELLINGS: Array<[string, 'fr' | 'en' | 'ar', string]> = [
  ['la résistance populaire pour la libération du Golan', 'fr', 'actor-popular-resistance-golan'],
  ['le Régiment de Hajj Qassem Soleimani', 'fr', 'actor-hajj-qassem-soleimani-regiment'],
  ['le Hachd al-Chaabi', 'fr', 'actor-popular-mobilization-forces'],
  ['Jaych al-Ezzah', 'fr', 'actor-jaysh-al-izza'],
  ['the Sinjar Resistance Units', 'en', 'actor-ybs'],
  ['Saraya al-Quds', 'en', 'actor-saraya-al-quds'],
  ['the Badr Organization', 'en', 'actor-badr-organization'],
  ['سرايا القدس', 'ar', 'actor-saraya-al-quds'],
  ['قوات البيشمركة', 'ar', 'actor-peshmerga'],
  ['لواء فاطميون', 'ar', 'actor-fatemiyoun'],
];
for (const [spelling, lang, id] of ACTOR_SPELLINGS) {
  test(`"${spelling}" (${lang}) is ${id} and nothing else`, () => {
    const found = matchDocument(matcher, { text: spelling, lang }).entities.map((e) => e.id);
    assert.deepEqual(found, [id]);
  });
}

test('Iraqi seat towns that the open data names in Latin only are towns with Arabic names, under their district', () => {
  // GeoNames' city lists hold them; WOF has no Arabic name for them (scripts/build-gazetteer.ts).
  const cases: Array<[string, string, string]> = [
    ['iq-town-tikrit', 'تكريت', 'iq-sala-ad-din-tikrit'], ['iq-town-samarra', 'سامراء', 'iq-sala-ad-din-samarra'],
    ['iq-town-najaf', 'النجف', 'iq-an-najaf-najaf'], ['iq-town-karbala', 'كربلاء', 'iq-karbala-kerbala'],
  ];
  for (const [id, ar, district] of cases) {
    const e = byId.get(id);
    assert.ok(e, `${id} is shipped`);
    assert.equal(e!.names.ar, ar);
    assert.deepEqual(e!.parents, [district]);
  }
  const found = matchDocument(matcher, { text: 'اشتباكات في تكريت وسامراء', lang: 'ar' }).entities.map((x) => x.id).sort();
  assert.deepEqual(found, ['iq-town-samarra', 'iq-town-tikrit']);
  const fr = matchDocument(matcher, { text: 'Combats à Tikrit, Bassora et Nadjaf.', lang: 'fr' }).entities.map((x) => x.id).sort();
  assert.deepEqual(fr, ['iq-town-basrah', 'iq-town-najaf', 'iq-town-tikrit']);
});

test('NATO, an alliance of states, counts where it acts, not where a member or a patron is described', () => {
  const actors = (text: string): string[] => matchDocument(matcher, { text, lang: 'en' }).entities.filter((e) => e.kind === 'actor').map((e) => e.id);
  assert.ok(!actors('Tripoli has been gripped by a power struggle since a NATO-backed uprising.').includes('actor-nato'));
  assert.ok(!actors('The summit of NATO leaders opened in Vilnius on Tuesday.').includes('actor-nato'));
  assert.ok(actors('NATO aircraft struck the airfield overnight.').includes('actor-nato'));
});
