// The Arabic nationality adjective (nisba) and broken plurals of the states vigie knows, where the
// regular rule (إيران -> إيراني) does not give them. Language data, not a word list.

export interface Demonym {
  /** Masculine singular adjective(s), without the article: روسي, أمريكي. */
  nisba: string[];
  /** Plurals in use, when they are not the regular -ين/-ون of the nisba: الروس, الأتراك, الأمريكان. */
  plurals?: string[];
}

/** Keyed by the state's Arabic name as the catalog writes it. */
export const STATE_DEMONYMS: Readonly<Record<string, Demonym>> = {
  'روسيا': { nisba: ['روسي'], plurals: ['روس'] },
  'تركيا': { nisba: ['تركي'], plurals: ['أتراك'] },
  'الولايات المتحدة': { nisba: ['أمريكي', 'أميركي'], plurals: ['أمريكيين', 'أمريكيون', 'أمريكان', 'أميركيين', 'أميركيون', 'أميركان'] },
  'أمريكا': { nisba: ['أمريكي', 'أميركي'], plurals: ['أمريكيين', 'أمريكيون', 'أمريكان', 'أميركيين', 'أميركيون', 'أميركان'] },
  'الأردن': { nisba: ['أردني'] },
  'ألمانيا': { nisba: ['ألماني'], plurals: ['ألمان'] },
  'بريطانيا': { nisba: ['بريطاني'] },
  'فرنسا': { nisba: ['فرنسي'] },
  'المملكة المتحدة': { nisba: ['بريطاني'] },
  'السعودية': { nisba: ['سعودي'] },
  'المملكة العربية السعودية': { nisba: ['سعودي'] },
  'الإمارات': { nisba: ['إماراتي'] },
  'الصين': { nisba: ['صيني'] },
  'العراق': { nisba: ['عراقي'] },
  'لبنان': { nisba: ['لبناني'] },
  'سوريا': { nisba: ['سوري'] },
  'مصر': { nisba: ['مصري'] },
  'قطر': { nisba: ['قطري'] },
};
