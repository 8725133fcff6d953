// Builds the qualified aliases of an administrative unit ("Deir ez-Zor Governorate", "province de
// Deir Ezzor", "محافظة دير الزور") from the bare spellings of its name. Pure; no data access.

export type UnitLevel = 'governorate' | 'district' | 'subdistrict';

export interface BareNames { en: string[]; fr: string[]; ar: string[] }

/** French elision: "province d'Alep", "province de Homs"; Y is a consonant in these names (de Yabroud). */
function frOf(prefix: string, name: string): string {
  return /^[aeiouàâäéèêëîïôöûüœ]/i.test(name) ? `${prefix} d'${name}` : `${prefix} de ${name}`;
}

const EN: Record<UnitLevel, ((b: string) => string)[]> = {
  governorate: [
    (b) => `${b} Governorate`, (b) => `${b} province`, (b) => `province of ${b}`,
    (b) => `governorate of ${b}`, (b) => `${b} countryside`, (b) => `countryside of ${b}`,
  ],
  district: [(b) => `${b} District`, (b) => `district of ${b}`],
  subdistrict: [(b) => `${b} Subdistrict`, (b) => `${b} sub-district`, (b) => `subdistrict of ${b}`],
};
const FR: Record<UnitLevel, ((b: string) => string)[]> = {
  governorate: [(b) => frOf('gouvernorat', b), (b) => frOf('province', b), (b) => frOf('campagne', b)],
  district: [(b) => frOf('district', b)],
  subdistrict: [(b) => frOf('sous-district', b), (b) => frOf('nahiya', b)],
};
const AR: Record<UnitLevel, ((b: string) => string)[]> = {
  governorate: [(b) => `محافظة ${b}`, (b) => `ريف ${b}`],
  district: [(b) => `منطقة ${b}`],
  subdistrict: [(b) => `ناحية ${b}`],
};

/** Every qualified form of every bare spelling, per language. */
export function unitAliases(level: UnitLevel, bare: BareNames): BareNames {
  return {
    en: bare.en.flatMap((b) => EN[level].map((f) => f(b))),
    fr: bare.fr.flatMap((b) => FR[level].map((f) => f(b))),
    ar: bare.ar.flatMap((b) => AR[level].map((f) => f(b))),
  };
}

/** Strips the unit words the data puts around a name ("Abu Kamal District", "منطقة البوكمال"). */
export function bareOf(value: string): string {
  return value
    .replace(/\s+(District|Subdistrict|Sub-district|Governorate|Province)$/i, '')
    .replace(/^(منطقة|محافظة|مركز|ناحية)\s+/, '')
    .replace(/^(district|province|gouvernorat|mohafazat)\s+(de\s+|d'|du\s+)/i, '')
    .trim();
}
