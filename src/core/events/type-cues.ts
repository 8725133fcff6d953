// Words that say what kind of security event a sentence reports, per EVAL.md type, in French, English
// and Arabic, with a weight (how surely the word names that type). Patterns run on folded text.
import type { EventType } from './event.js';
import { cueSet, scanCueSet, scriptsOf, type CueSet } from './scan-cues.js';

export interface TypeCue { type: EventType; weight: number; start: number; end: number }

const AR_PREFIX = '(?:[وفبل]|وب|ول|ال|وال|بال|لل|فال)?';
const LATIN = (alts: string): Alts => ({ alts, arabic: false });
const ARABIC = (alts: string): Alts => ({ alts, arabic: true });
interface Alts { alts: string; arabic: boolean }

const TABLE: Array<[EventType, number, Alts]> = [
  ['air_strike', 3, LATIN('air ?strikes?|air raids?|airstrikes?|drone strikes?|drone attacks?|warplanes?|fighter jets?|jets|helicopters?|aerial (?:attack|aggression|bombardment|strikes?)|bombed|'
    + 'frappes? (?:aériennes?|de drones?|israéliennes?|américaines?|turques?)|raids? aériens?|attaques? aériennes?|aircraft|aerial attacks?|drones?|avions? (?:de combat|de chasse|israéliens?)|aviation|hélicoptères?|bombardements? aériens?|chasseurs')],
  // Most strikes in this region are from the air (EVAL.md counts Israeli missile strikes on Syria so).
  ['air_strike', 2, LATIN('strikes?|struck|strike|frappes?|frappé(?:e|s|es)?|missiles?|bombardé(?:e|s|es)?|bombed')],
  ['air_strike', 1, LATIN('raids?')],
  ['air_strike', 3, ARABIC('غاره|غارات|طائره مسيره|طائرات مسيره|مسيره|مسيرات|مسيّره|الطيران الحربي|طيران|طائرات حربيه|طائره حربيه|قصف جوي|عدوان جوي|عدوانا جويا|ضربه جويه|ضربات جويه|مروحيه|مروحيات|درون')],
  ['air_strike', 1, ARABIC('ضربه|ضربات|استهداف|استهدفت|استهدف')],
  ['air_strike', 2, ARABIC('صواريخ|صاروخ|صاروخيه|صاروخي|صاروخيا')],
  ['shelling_missile', 3, LATIN('shelling|shelled|shells|artillery|mortars?|rockets?|rocket fire|tank fire|surface-to-surface|'
    + 'obus|tirs? d.artillerie|artillerie|roquettes?|mortiers?|pilonnages?|pilonné|sol-sol|sol-air|surface-to-air')],
  ['shelling_missile', 1.5, LATIN('bombardements?')],
  ['shelling_missile', 3, ARABIC('قصف مدفعي|قصفا مدفعيا|قذائف|قذيفه|مدفعيه|هاون|راجمات|ارض ارض|ارض جو')],
  ['shelling_missile', 1.5, ARABIC('قصف|قصفت|قصفا')],
  ['armed_clash', 3, LATIN('clash(?:es|ed)?|fighting|fights?|battles?|ambush(?:ed)?|gunfight|firefight|offensive|gunmen|'
    + 'affrontements?|combats?|heurts|embuscade|accrochages?|offensive|assaut|hommes armés')],
  ['armed_clash', 0.5, LATIN('attacks?|attacked|attaques?|attaqué(?:e|s|es)?|fighters|insurgents?|jihadistes?|militants?')],
  ['armed_clash', 2, LATIN('assassinat|assassinated|assassination|gunfire|shot dead|abattus?|tirs|opened fire|ouvert le feu')],
  ['armed_clash', 3, ARABIC('اشتباكات|اشتباك|اشتبكت|معارك|معركه|مواجهات|كمين|هجوم مسلح|مسلحين|مسلحون|اغتيال|اشتباكات عنيفه')],
  ['armed_clash', 0.5, ARABIC('هجوم|هجوما|هجمات|هاجم|هاجمت|مقاتلين|مقاتلي')],
  ['explosion_ied', 3, LATIN('explosions?|blasts?|bombings?|car bomb|suicide (?:bomber|attack|bombing)|ieds?|roadside bomb|landmines?|explosive devices?|'
    + 'engin explosif|voiture piégée|attentats?(?: suicides?)?|kamikazes?|mines?|explosif')],
  ['explosion_ied', 3, ARABIC('انفجار|انفجارات|عبوه ناسفه|عبوات ناسفه|سياره مفخخه|تفجير|تفجيرات|انتحاري|لغم|الغام|مفخخه')],
  ['attack_civilians', 3, LATIN('massacres?|massacred|executions?|executed|summary killings|kidnapped|abducted|sectarian killings|exécutions?|exécutés?|enlevés?|enlèvements?|tueries?')],
  ['attack_civilians', 3, ARABIC('مجزره|مجازر|اعدام|اعدامات|اعدم|اختطاف|خطف|تصفيه|انتهاكات')],
  ['arrest', 3, LATIN('arrests?|arrested|detained|detention|round-?up|captured|apprehended|arrestations?|arrêtés?|interpellés?|interpellations?|capturés?|coup de filet')],
  ['arrest', 3, ARABIC('اعتقال|اعتقل|اعتقلت|القبض|احتجاز|توقيف|اوقف|مداهمه|مداهمات|حمله امنيه')],
  ['other', 2, LATIN('deploy(?:ed|ment|s)?|reinforcements|incursions?|escaped?|escapes|transfer(?:red|s)?|repatriat\\w*|threat(?:s|ens|ened)?|convoy|freed|released|sweep|security operation|took control|seized|entered|stormed|incursion|prison|prisoners|inmates|detainees|'
    + 'déploiement|déployé(?:e|s|es)?|renforts|incursions?|évasion|évadés?|transférés?|transferts?|rapatri\\w*|menaces?|menace|convoi|libérés?|ratissage|opération de sécurité|pris le contrôle|sont entrés|entrées?|pénétré|perquisitionn\\w*|prisonniers?|détenus|prison')],
  ['other', 2, ARABIC('انتشار|تعزيزات|نشر|توغل|توغلت|فرار|هروب|نقل|ترحيل|تهديد|تهدد|هدد|تشكيل|عمليه امنيه|عمليه تمشيط|تمشيط|الافراج|اطلاق سراح|سيطرت|دخلت|انسحاب|ملاحقه|فلول|سجن|سجناء|المعتقلين|معتقلين')],
];

/** One pattern per script, strongest lists first (at a position the first list that matches counts). */
function compileTable(arabic: boolean): { set: CueSet; entries: Array<[EventType, number]> } {
  const rows = TABLE.filter(([, , a]) => a.arabic === arabic).sort((x, y) => y[1] - x[1]);
  return { set: cueSet(rows.map(([, , a]) => a.alts), arabic, arabic ? AR_PREFIX : '', !arabic), entries: rows.map(([t, w]) => [t, w]) };
}
const COMPILED = [compileTable(false), compileTable(true)];

/** Every type cue of the folded text. */
export function findTypeCues(folded: string): TypeCue[] {
  const out: TypeCue[] = [];
  const scripts = scriptsOf(folded);
  for (const { set, entries } of COMPILED) {
    scanCueSet(folded, set, scripts, (list, start, end) => out.push({ type: entries[list]![0], weight: entries[list]![1], start, end }));
  }
  return out;
}
