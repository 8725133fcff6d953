// The WebAssembly scanner (src/core/match/wasm/) does the work of the JavaScript reference scanner
// (scan-text-js.ts) its own way: on every text, both must report the same hits in the same order, the
// same tokens and the same sentence marks. Texts: tricky strings, the match evaluation set, real FR/AR
// pages, seeded random texts built around the WebAssembly cut's 64-unit blocks, and texts built to
// overflow each scratch area of the WebAssembly side (it must grow and scan again).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { compileMatcher, type Matcher } from '../../src/core/match/compile-matcher.js';
import { scanText } from '../../src/core/match/scan-text.js';
import { MAX_WASM_TEXT, WASM_SCANNER_OK, compileScanner, type WasmScanner } from '../../src/core/match/wasm/scanner.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { scanTextJs } from '../../src/core/match/scan-text-js.js';
import type { ScanHits } from '../../src/core/match/scan-hits.js';
import { sentences } from '../../src/core/match/sentence-index.js';
import type { Entity } from '../../src/core/entities/entity.js';
import { corpusDir, repoRoot } from '../harness/paths.js';
import { readShippedMatcher, shippedCatalog } from '../harness/shipped-catalog.js';
import { seededRandom } from '../harness/seeded-random.js';

interface Snapshot {
  hits: Array<[number, number, number, number, number]>;
  tokens: Array<[number, number]>;
  ends: number[];
  irregular: number[];
}

function snapshot(s: ScanHits): Snapshot {
  const hits: Snapshot['hits'] = [];
  for (let h = 0; h < s.count; h += 1) hits.push([s.payload[h]!, s.startToken[h]!, s.endToken[h]!, s.start[h]!, s.end[h]!]);
  const tokens: Snapshot['tokens'] = [];
  for (let t = 0; t < s.tokenCount; t += 1) tokens.push([s.tokenStart[t]!, s.tokenEnd[t]!]);
  return {
    hits, tokens,
    ends: [...sentences.ends.subarray(0, sentences.endCount)],
    irregular: [...sentences.irregular.subarray(0, sentences.irregularCount)],
  };
}

/** Both scanners on `text`; returns the WebAssembly snapshot after checking it equals the reference. */
function same(m: Matcher, text: string, label: string): Snapshot {
  const reference = snapshot(scanTextJs(m, text));
  const wasm = snapshot(scanText(m, text));
  assert.deepEqual(wasm, reference, `${label}: WebAssembly and JavaScript scanners differ`);
  return wasm;
}

const shipped = (await shippedCatalog()).matcher;

/** The matcher's WebAssembly scanner (this engine runs it: see the first test). */
function scannerOf(m: Matcher): WasmScanner {
  assert.ok(m.scanner, 'the matcher has a WebAssembly scanner');
  return m.scanner;
}

test('this engine runs the WebAssembly scanner (else every comparison below would compare the reference with itself)', () => {
  assert.equal(WASM_SCANNER_OK, true);
  assert.ok(shipped.scanner);
});

test('where the engine cannot compile the scanner, matchers fall back to the JavaScript scanner with the same results', () => {
  // A module the engine rejects (a truncated copy stands for one using SIMD where there is none).
  assert.equal(compileScanner(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1])), undefined);
  const withoutScanner: Matcher = { ...shipped, scanner: undefined };
  const text = "Frappe de drone près de Boukamal (Deir ez-Zor) : l'OSDH cite les Fatemiyoun et le Hezbollah. قصف في البوكمال";
  const wasm = matchDocument(shipped, { text, lang: 'fr' });
  assert.ok(wasm.matches.length >= 4, `matches found (${wasm.matches.length})`);
  assert.deepEqual(matchDocument(withoutScanner, { text, lang: 'fr' }), wasm);
});

const TRICKY: string[] = [
  "d’Alep, Deir-ez-Zor et l`Iran — jusqu’à Boukamal. Savon d'Alep !",
  'Dera\u0302 e\u0301te\u0301 القُنَيْطِرَةُ والبوكمال بالبوكمال للتحالف الدولي وللتحالف',
  'Bu\u00adka\u200bmal Al\u200eep \ufeffHama ٢٠٢٤ ۳۴ البوكـــمال',
  'Œuvre Straße 1½ ﷲ ﬁn 𝐀𝐥𝐞𝐩 😀 𠀀𠀁 abc😀def ＩＳＩＳ\u00a0Deir\u202fez-Zor',
  'Kataib Hezbollah and Hezbollah; the SDF (YPG) near Al-Bukamal / Abu Kamal.\n\nIS claims. FLOOD WARNING IS IN EFFECT',
  'fin de texte é\u0301',
  '',
  '   ',
  'Alep',
];

test('the WebAssembly scanner equals the JavaScript reference on tricky strings', () => {
  for (const text of TRICKY) same(shipped, text, JSON.stringify(text.slice(0, 40)));
});

test('the WebAssembly scanner equals the JavaScript reference on the match evaluation set', () => {
  const dir = path.join(repoRoot, 'test', 'fixtures', 'match-eval');
  let hits = 0;
  for (const lang of ['fr', 'en', 'ar']) {
    for (const line of fs.readFileSync(path.join(dir, `${lang}.jsonl`), 'utf8').split('\n').filter(Boolean)) {
      const doc = JSON.parse(line) as { id: string; title?: string; text?: string };
      for (const field of [doc.title, doc.text]) if (field) hits += same(shipped, field, doc.id).hits.length;
    }
  }
  assert.ok(hits > 300, `the evaluation set produces hits (${hits})`);
});

test('the WebAssembly scanner equals the JavaScript reference on real FR/AR pages', () => {
  const dir = path.join(corpusDir, 'articles', 'trafilatura-eval-fr-ar', 'html');
  const files = fs.readdirSync(dir).sort();
  assert.ok(files.length > 0, 'corpus missing');
  let hits = 0;
  for (const f of files) hits += same(shipped, fs.readFileSync(path.join(dir, f), 'utf8'), f).hits.length;
  assert.ok(hits > 100, `real pages produce hits (${hits})`);
});

test('the WebAssembly scanner equals the JavaScript reference on random texts across its 64-unit blocks', () => {
  // The WebAssembly cut classifies 64 units at a time: ASCII by SIMD, other units one by one, and a
  // block with a mark, a dropped character or a multi-unit folding unit by unit (its words packed
  // elsewhere). These texts put aliases, long words, marks and sentence ends on every side of block
  // edges; each text is also scanned at every shift of its first 70 units, so edges move through it.
  const plain = ['Boukamal', 'Deir', 'ez-Zor', 'al', 'Al-Bukamal', 'Abu', 'Kamal', 'Alep', "d'Alep", 'Hezbollah', 'Kataib',
    'البوكمال', 'والبوكمال', 'دير', 'الزور', 'é', 'Kobanî', 'x'.repeat(8), 'y'.repeat(16), 'z'.repeat(70), 'SDF', 'YPG', 'IS',
    '2024', '٢٠٢٤'];
  // Words that send their block unit by unit: marks, dropped characters, foldings into several units.
  const hard = ['القُنيطرة', 'Dera\u0302', 'straße', 'Œuvre', 'ﬁn', '½', '😀', 'Bu\u00adkamal', 'Al\u200eep', 'كـــمال'];
  const separators = [' ', ' ', ' ', '  ', ', ', '. ', '.', '! ', '?', '\n', '\n\n', '\u00a0', ' \u00a0', ' \n', '\t', ' — ',
    "'", '’', '-', '؟ ', '。'];
  const next = seededRandom(2026);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  let texts = 0;
  let hits = 0;
  for (let k = 0; k < 120; k += 1) {
    let text = '';
    const target = Math.floor(next() * 400);
    while (text.length < target) text += (next() < 0.04 ? pick(hard) : pick(plain)) + pick(separators);
    for (let shift = 0; shift < 64; shift += 3) {
      const shifted = `${'a '.repeat(shift >> 1)}${shift % 2 ? 'b' : ''}${text}`;
      hits += same(shipped, shifted, `random text ${k} shifted ${shift}`).hits.length;
      texts += 1;
    }
  }
  assert.equal(texts, 120 * 22);
  assert.ok(hits > 1000, `the random texts produce hits (${hits})`);
});

test('the WebAssembly scanner grows its scratch areas and scans again when a text outgrows them', async () => {
  // A fresh matcher starts with small areas (about 4k text units); each text overflows one of them.
  // Each is read anew from the snapshot a compile wrote before any scan: its own scanner, at that size.
  const fresh = readShippedMatcher;
  /** Checks `text` against the reference, and that the scanner had to scan it again, bigger. */
  const grown = (m: Matcher, text: string, label: string): Snapshot => {
    const before = scannerOf(m).rescans;
    const snap = same(m, text, label);
    assert.ok(scannerOf(m).rescans > before, `${label}: scanned again with a bigger area`);
    return snap;
  };
  // A longer text gets a bigger layout before its scan (no rescan): the memory grows.
  const longMatcher = await fresh();
  const memoryBefore = scannerOf(longMatcher).memoryBytes;
  const long = same(longMatcher, 'Deir ez-Zor '.repeat(6000), 'longer than the text area');
  assert.ok(scannerOf(longMatcher).memoryBytes > memoryBefore, 'the memory grew for the longer text');
  assert.ok(long.hits.length >= 6000, 'every repetition found');
  // U+FDFA folds to 15 units in 4 words: the normalised units outgrow the units area (the text itself
  // fits). Back to back, the last word of one and the first of the next join: 3 tokens each, plus one,
  // plus Boukamal.
  const folded = grown(await fresh(), `${'\ufdfa'.repeat(400)} Boukamal`, 'foldings longer than the text');
  assert.equal(folded.tokens.length, 1202);
  // ½ folds to 1⁄2, so ½½½ is 1 21 21 2: one token per text unit, more than the token area holds.
  assert.equal(grown(await fresh(), '½'.repeat(3000), 'more tokens than half the text').tokens.length, 3001);
  // Nested aliases (kam, kam kam, ... 12 times): more hits than tokens.
  const nested = Array.from({ length: 12 }, (_, k) => ({
    id: `n${k}`, kind: 'region', names: { en: Array.from({ length: k + 1 }, () => 'kam').join(' '), fr: `kam${k}`, ar: `kam${k}` },
    aliases: {}, acronyms: [], parents: [], exclusions: [],
  }) as Entity);
  const many = grown(compileMatcher(nested), 'kam '.repeat(1000), 'more hits than tokens');
  assert.ok(many.hits.length > 1000 * 10, `nested hits all reported (${many.hits.length})`);
});

test('two matchers keep separate WebAssembly scanners', () => {
  const other = compileMatcher([{ id: 'x', kind: 'region', names: { en: 'Zorblat', fr: 'Zorblat', ar: 'زوربلات' }, aliases: {}, acronyms: [], parents: [], exclusions: [] } as Entity]);
  assert.equal(scanText(other, 'Zorblat near Boukamal').count, 1);
  assert.ok(scanText(shipped, 'Zorblat near Boukamal').count >= 1);
  assert.equal(scanText(other, 'Boukamal only').count, 0);
});

test('a text longer than the WebAssembly limit is scanned by the JavaScript scanner, memory stays small', async () => {
  const m = await readShippedMatcher();
  const before = scannerOf(m).memoryBytes;
  const text = 'Boukamal près de Deir ez-Zor. '.repeat(Math.ceil((MAX_WASM_TEXT + 10) / 30));
  assert.ok(text.length > MAX_WASM_TEXT);
  const s = scanText(m, text);
  assert.ok(s.count >= 2 * Math.floor(text.length / 30), `hits found (${s.count})`);
  assert.equal(scannerOf(m).memoryBytes, before, 'the WebAssembly memory did not grow');
});
