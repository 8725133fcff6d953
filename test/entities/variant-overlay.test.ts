// The variant overlay decisions of scripts/gazetteer/variant-overlay.ts and the word lists behind them:
// a generated variant that is a common word, or another entity's name, is kept but ambiguous with why;
// a data alias that is a common word is marked too; hand-kept entities and canonical names are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { entitySchema, type Entity, type EntityInput } from '../../src/core/entities/entity.js';
import { serializeOverlay, variantOverlay, wantsVariants, type WordCheck } from '../../scripts/gazetteer/variant-overlay.js';
import { loadCommonWords } from '../../scripts/gazetteer/common-words.js';

const entity = (e: EntityInput): Entity => entitySchema.parse(e);

/** A word list of a few words, so each case says exactly which word collides. */
function words(common: Record<string, string>): WordCheck {
  return { reason: (key) => common[key], known: () => false };
}

const QAMISHLI = entity({ id: 'sy-town-qamishli', kind: 'region', type: 'town', names: { en: 'Qamishli', fr: 'Qamichli', ar: 'القامشلي' },
  codes: { geonames: 173576 }, sources: ['geonames'] });
const TALL = entity({ id: 'sy-town-al-tall', kind: 'region', type: 'town', names: { en: 'Al-Tall', fr: 'Al-Tall', ar: 'التل' },
  aliases: { en: ['Et Tall'], ar: ['تل'] }, codes: { geonames: 163070 }, sources: ['geonames'] });

test('a generated variant that is a common word is kept, as ambiguous with the word list and rank', () => {
  const overlay = variantOverlay([TALL], words({ tall: 'common word (en: rank 1837/74286)' }));
  const v = overlay.variantsOf['sy-town-al-tall']!;
  assert.ok(v.generated?.en?.includes('Tall'), JSON.stringify(v));
  assert.equal(v.ambiguous?.['Tall'], 'common word (en: rank 1837/74286)');
});

test('a data alias of an open-data entity that is a common word is marked; the canonical name is not', () => {
  const overlay = variantOverlay([TALL], words({ 'تل': 'common word (ar: hunspell-ar noun)', 'التل': 'common word (ar: hunspell-ar noun)' }));
  const ambiguous = overlay.variantsOf['sy-town-al-tall']!.ambiguous!;
  assert.equal(ambiguous['تل'], 'common word (ar: hunspell-ar noun)');
  assert.equal(ambiguous['التل'], undefined, 'the canonical Arabic name stays ok');
});

test('aliases of a hand-kept entity (no open-data source) are never marked', () => {
  const iran = entity({ id: 'actor-iran', kind: 'actor', type: 'state', names: { en: 'Iran', fr: 'Iran', ar: 'إيران' }, aliases: { fr: ['iranien'] } });
  const overlay = variantOverlay([iran], words({ iranien: 'common word (fr: in the 323571-word list)' }));
  assert.equal(overlay.variantsOf['actor-iran']?.ambiguous?.['iranien'], undefined);
  assert.ok(overlay.variantsOf['actor-iran']!.generated!.ar!.includes('إيراني'));
});

test("a generated variant equal to another entity's alias is ambiguous: same as that entity", () => {
  const other = entity({ id: 'sy-town-kamishli-farm', kind: 'region', type: 'area', names: { en: 'Kamishli Farm', fr: 'Ferme Kamishli', ar: 'مزرعة' },
    aliases: { en: ['Kamishli'] } });
  const overlay = variantOverlay([QAMISHLI, other], words({}));
  const v = overlay.variantsOf['sy-town-qamishli']!;
  assert.ok(v.generated!.en!.includes('Kamishli'));
  assert.equal(v.ambiguous?.['Kamishli'], 'same as sy-town-kamishli-farm');
  assert.equal(overlay.variantsOf['sy-town-kamishli-farm'], undefined, 'an area gets no variants');
});

test("a variant equal to the entity's own alias (by the matcher's key) is dropped", () => {
  const e = entity({ ...QAMISHLI, aliases: { en: ['Kamishli', 'al-Qamishli'] } });
  const en = variantOverlay([e], words({})).variantsOf['sy-town-qamishli']!.generated!.en!;
  assert.ok(!en.includes('Kamishli') && !en.includes('Al-Qamishli'), JSON.stringify(en));
});

test('which entities get variants: actors, units, towns with population or a GeoNames id', () => {
  const town = (extra: Partial<EntityInput>): Entity => entity({ id: 'x', kind: 'region', type: 'town', names: { en: 'X', fr: 'X', ar: 'س' }, ...extra });
  assert.equal(wantsVariants(town({})), false);
  assert.equal(wantsVariants(town({ population: 9999 })), false);
  assert.equal(wantsVariants(town({ population: 10000 })), true);
  assert.equal(wantsVariants(town({ codes: { geonames: 1 } })), true);
  assert.equal(wantsVariants(town({ type: 'subdistrict' })), true);
  assert.equal(wantsVariants(town({ kind: 'actor', type: 'militia' })), true);
});

test('the overlay text is deterministic, one entity per line, sorted by id', () => {
  const a = serializeOverlay(variantOverlay([TALL, QAMISHLI], words({})));
  const b = serializeOverlay(variantOverlay([QAMISHLI, TALL], words({})));
  assert.equal(a, b);
  const lines = a.split('\n');
  assert.match(lines[1]!, /^"sy-town-al-tall": /);
  assert.match(lines[2]!, /^"sy-town-qamishli": /);
  assert.deepEqual(Object.keys(JSON.parse(a).variantsOf), ['sy-town-al-tall', 'sy-town-qamishli']);
});

test('loadCommonWords reads hunspell-ar: nouns with the article flag and base verbs count, proper nouns do not', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-ar-dic-'));
  // AF 1: a noun class with AA (takes ال); AF 2: a proper noun class; AF 3: a base verb class (Ab);
  // AF 4: a derived verb form class (no object pronouns).
  fs.writeFileSync(path.join(dir, 'ar.aff'), 'FLAG long\nAF 4\nAF ADACABAAJA # 1\nAF ADACAB # 2\nAF AbAcAd # 3\nAF PaPbPc # 4\n');
  fs.writeFileSync(path.join(dir, 'ar.dic'), '5\nباب/1\nدمشق/2\nتدمر/3\t3979\nسوريا/4\t20229\nفي\n');
  const w = loadCommonWords(path.join(dir, 'ar.dic'));
  assert.equal(w.reason('باب'), 'common word (ar: hunspell-ar noun)');
  assert.equal(w.reason('الباب'), 'common word (ar: hunspell-ar noun)', 'the article is toggled');
  assert.equal(w.reason('تدمر'), 'common word (ar: hunspell-ar verb)');
  assert.equal(w.reason('في'), 'common word (ar: hunspell-ar function word)');
  assert.equal(w.reason('دمشق'), undefined);
  assert.equal(w.reason('سوريا'), undefined);
  assert.match(w.reason('sham') ?? '', /^common word \(en: rank \d+\/\d+\)$/);
  assert.match(w.reason('cible') ?? '', /^common word \(fr: in the \d+-word list\)$/);
  assert.equal(w.reason('washington'), undefined, 'a capitalised SUBTLEX entry is a name, not a common word');
  assert.equal(w.known('washington'), true);
  fs.rmSync(dir, { recursive: true });
});

test('a variant on the gazetteer stop list, or a Latin form under 5 letters, is ambiguous with that reason', () => {
  const suran = entity({ id: 'sy-town-suran', kind: 'region', type: 'town', names: { en: 'Suran', fr: 'Souran', ar: 'صوران' },
    codes: { geonames: 1 }, sources: ['geonames'] });
  const bab = entity({ id: 'sy-town-al-bab', kind: 'region', type: 'town', names: { en: 'Al-Bab', fr: 'Al-Bab', ar: 'الباب' },
    codes: { geonames: 2 }, sources: ['geonames'] });
  const overlay = variantOverlay([suran, bab], words({}), { stopKeys: new Set(['soran']) });
  assert.ok(overlay.variantsOf['sy-town-suran']!.generated!.en!.includes('Soran'));
  assert.equal(overlay.variantsOf['sy-town-suran']!.ambiguous?.['Soran'], 'stop-listed (news-spellings.yaml stopAliases)');
  assert.equal(overlay.variantsOf['sy-town-al-bab']!.ambiguous?.['Bab'], 'short Latin form (under 5 letters)');
  assert.equal(overlay.variantsOf['sy-town-al-bab']!.ambiguous?.['El-Bab'], undefined, 'the article makes it long enough');
});
