// Words that say what kind of security event a sentence reports, per EVAL.md type, in French, English
// and Arabic, with a weight (how surely the word names that type). Cue patterns (expand-cue.ts) over the
// folded text; data only: scan-sentences.ts finds them.
import type { EventType } from './event.js';

export interface TypeCue { type: EventType; weight: number; start: number; end: number }

/** What an Arabic type word may carry in front: و ف ب ل, وب ول, and the article with them. */
export const TYPE_AR_PREFIXES = ['و', 'ف', 'ب', 'ل', 'وب', 'ول', 'ال', 'وال', 'بال', 'لل', 'فال'];

const TABLE: Array<[EventType, number, string]> = [
  ['air_strike', 3, 'air ?strikes?|air raids?|airstrikes?|drone strikes?|drone attacks?|warplanes?|fighter jets?|jets|helicopters?|aerial (?:attack|aggression|bombardment|strikes?)|bombed|'
    + 'frappes? (?:aériennes?|de drones?|israéliennes?|américaines?|turques?)|raids? aériens?|attaques? aériennes?|aircraft|aerial attacks?|drones?|avions? (?:de combat|de chasse|israéliens?)|aviation|hélicoptères?|bombardements? aériens?|chasseurs|'
    + 'raids? (?:israéliens?|américains?|russes?|turcs?)|bombardiers?|avions? (?:de guerre|militaires?|russes?|syriens?|turcs?|américains?)|'
    + 'armée de l’air|air force|bombers?'],
  // An air force's intelligence branch arrests, it does not strike.
  ['other', 0.1, 'air force intelligence|renseignements? de l’armée de l’air'],
  // Most strikes in this region are from the air (EVAL.md counts Israeli missile strikes on Syria so).
  ['air_strike', 2, 'strikes?|struck|strike|frappes?|frappé(?:e|s|es)?|missiles?|bombardé(?:e|s|es)?|bombed'],
  ['air_strike', 1, 'raids?'],
  ['air_strike', 3, 'غاره|غارات|طائره مسيره|طائرات مسيره|مسيره|مسيرات|الطيران الحربي|طيران|طائرات حربيه|طائره حربيه|قصف جوي|عدوان جوي|عدوانا جويا|ضربه جويه|ضربات جويه|مروحيه|مروحيات|درون|سلاح الجو|مقاتلات|قاذفات'],
  ['air_strike', 1, 'ضربه|ضربات|استهداف|استهدفت|استهدف'],
  ['air_strike', 2, 'صواريخ|صاروخ|صاروخيه|صاروخي|صاروخيا'],
  ['shelling_missile', 3, 'shelling|shelled|shells|artillery|mortars?|rockets?|rocket fire|tank fire|surface-to-surface|'
    + 'obus|tirs? d’artillerie|artillerie|roquettes?|mortiers?|pilonnages?|pilonné|sol-sol|sol-air|surface-to-air|'
    + 'pilonne|pilonnent|pilonnée?s?|pilonnés|canonnades?|howitzers?'],
  ['shelling_missile', 1.5, 'bombardements?'],
  ['shelling_missile', 3, 'قصف مدفعي|قصفا مدفعيا|قذائف|قذيفه|مدفعيه|هاون|راجمات|ارض ارض|ارض جو|رشقه صاروخيه|رشقات صاروخيه|كاتيوشا|غراد|'
    // The artillery adjective, also after a shelling with its owner fused ("قصفها المدفعي").
    + 'مدفعي|مدفعيا'],
  ['shelling_missile', 1.5, 'قصف|قصفت|قصفا|قصفه|قصفها|قصفهم|قصفوا'],
  ['armed_clash', 3, 'clash(?:es|ed)?|fighting|fights?|battles?|ambush(?:ed)?|gunfight|firefight|offensive|gunmen|'
    + 'affrontements?|combats?|heurts|embuscade|accrochages?|offensive|assaut|hommes armés|'
    + 'fusillades?|échanges? de tirs|affronté(?:e|s|es)?|affrontent|batailles?|shootout|exchange of fire'],
  ['armed_clash', 0.5, 'attacks?|attacked|attaques?|attaqué(?:e|s|es)?|fighters|insurgents?|jihadistes?|militants?'],
  ['armed_clash', 2, 'assassinat|assassinated|assassination|gunfire|shot dead|abattus?|tirs|opened fire|ouvert le feu|'
    + 'tireurs?|coups de feu|par balles|shooting|snipers?|sniper fire'],
  ['armed_clash', 3, 'اشتباكات|اشتباك|اشتبكت|معارك|معركه|مواجهات|كمين|هجوم مسلح|مسلحين|مسلحون|اغتيال|اشتباكات عنيفه|اقتتال|قتال|اشتبك|اشتبكوا'],
  ['armed_clash', 2, 'اطلاق نار|اطلاق النار|اطلق النار|اطلقوا النار|برصاص|بالرصاص|رصاص|قناص|قنص'],
  ['armed_clash', 0.5, 'هجوم|هجوما|هجمات|هاجم|هاجمت|مقاتلين|مقاتلي'],
  ['explosion_ied', 3, 'explosions?|blasts?|bombings?|car bomb|suicide (?:bomber|attack|bombing)|ieds?|roadside bomb|landmines?|explosive devices?|'
    + 'engin explosif|voiture piégée|attentats?(?: suicides?)?|kamikazes?|mines?|explosif|'
    + 'explosé|explose|explosent|engins? explosifs?|voitures? piégées?|motos? piégées?|piégée?s?|déflagration|ceintures? explosives?|'
    + 'exploded|explodes|detonated|booby-trapped|unexploded|explosives?'],
  // A bomb is mostly planted; dropped ones are named with their aircraft.
  ['explosion_ied', 2, 'bombes?|bombs?|قنبله|قنابل'],
  ['explosion_ied', 3, 'انفجار|انفجارات|عبوه ناسفه|عبوات ناسفه|سياره مفخخه|تفجير|تفجيرات|انتحاري|لغم|الغام|مفخخه|'
    + 'انفجر|انفجرت|ناسفه|عبوه|عبوات|مفخخ|حزام ناسف|مخلفات الحرب'],
  ['attack_civilians', 3, 'massacres?|massacred|executions?|executed|summary killings|kidnapped|abducted|sectarian killings|exécutions?|exécutés?|enlevés?|enlèvements?|tueries?|'
    + 'kidnappée?s?|kidnappés|kidnapping|kidnappers?|enlevée?s?|rapts?|abductions?|massacrés?|exactions'],
  ['attack_civilians', 3, 'مجزره|مجازر|اعدام|اعدامات|اعدم|اختطاف|خطف|تصفيه|انتهاكات|اختطف|اختطفت|اختطفوا|خطفت|خطفوا|مختطفين'],
  ['arrest', 3, 'arrests?|arrested|detained|detention|round-?up|captured|apprehended|arrestations?|arrêtés?|interpellés?|interpellations?|capturés?|coup de filet|'
    + 'arrêtée?s?|appréhendée?s?|appréhendés|garde à vue|rafles?|interpellée?s?|écroués?|detains|detaining'],
  ['arrest', 3, 'اعتقال|اعتقل|اعتقلت|القبض|احتجاز|توقيف|اوقف|مداهمه|مداهمات|حمله امنيه|اعتقالات|اعتقلوا|احتجزت|احتجز|اوقفت|اوقفوا'],
  ['other', 2, 'deploy(?:ed|ment|s)?|reinforcements|incursions?|escaped?|escapes|transfer(?:red|s)?|repatriat(?:e|ed|es|ing|ion|ions)|threat(?:s|ens|ened)?|convoy|freed|released|sweep|security operation|took control|seized|entered|stormed|incursion|prison|prisoners|inmates|detainees|'
    + 'déploiement|déployé(?:e|s|es)?|renforts|incursions?|évasion|évadés?|transférés?|transferts?|rapatri(?:é|ée|és|ées|er|ement|ements|e|ent)|menaces?|menace|convoi|libérés?|ratissage|opération de sécurité|pris le contrôle|sont entrés|entrées?|pénétré|perquisitionn(?:é|ée|és|ées|er|ent|ait|aient)|prisonniers?|détenus|prison'],
  ['other', 2, 'انتشار|تعزيزات|نشر|توغل|توغلت|فرار|هروب|نقل|ترحيل|تهديد|تهدد|هدد|تشكيل|عمليه امنيه|عمليه تمشيط|تمشيط|الافراج|اطلاق سراح|سيطرت|دخلت|انسحاب|ملاحقه|فلول|سجن|سجناء|المعتقلين|معتقلين'],
  // Sport: a "match", "مواجهات" or "frappe" on a sports page is not a security event (EVAL.md: off-topic
  // pages that name the same places). Words that name a game only, none that a war report uses.
  ['none', 3, 'football|soccer|footballers?|goalkeeper|midfielder|premier league|champions league|world cup|olympics|'
    + 'footballeurs?|championnat|match nul|gardien de but|coupe du monde|ligue des champions|jeux olympiques'],
  ['none', 3, 'كره القدم|الدوري|مباراه|مباريات|الشوط|حارس المرمي|كاس العالم|الالعاب الاولمبيه'],
];

/** The rows strongest first: where two rows give the same phrase, the stronger keeps it. */
export const TYPE_ROWS: ReadonlyArray<[EventType, number, string]> = [...TABLE].sort((x, y) => y[1] - x[1]);
