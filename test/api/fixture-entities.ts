// A small gazetteer for API tests: the founding example's places (Boukamal in Deir ez-Zor, Syria),
// Aleppo with an exclusion, and a few actors with a member-of chain. Names in en, fr and ar.
import { entitySchema, type Entity } from '../../src/core/entities/entity.js';

export const FIXTURE_ENTITIES: Entity[] = [
  { id: 'sy', kind: 'region', type: 'country', names: { en: 'Syria', fr: 'Syrie', ar: 'سوريا' } },
  { id: 'sy-deir-ez-zor', kind: 'region', type: 'governorate', names: { en: 'Deir ez-Zor', fr: 'Deir ez-Zor', ar: 'دير الزور' },
    aliases: { en: ['Deir Ezzor', 'Deir al-Zour'], fr: ['Deir Ezzor'] }, parents: ['sy'] },
  { id: 'sy-boukamal', kind: 'region', type: 'town', names: { en: 'Abu Kamal', fr: 'Boukamal', ar: 'البوكمال' },
    aliases: { en: ['Albukamal', 'Al-Bukamal'], fr: ['Abou Kamal'] }, parents: ['sy-deir-ez-zor'] },
  { id: 'sy-aleppo', kind: 'region', type: 'governorate', names: { en: 'Aleppo', fr: 'Alep', ar: 'حلب' },
    parents: ['sy'], exclusions: ["savon d'Alep"] },
  { id: 'actor-iran-militias', kind: 'actor', type: 'coalition', names: { en: 'Iran-backed militias', fr: 'milices pro-iraniennes', ar: 'الميليشيات الموالية لإيران' } },
  { id: 'actor-kataib-hezbollah', kind: 'actor', type: 'militia', names: { en: 'Kataib Hezbollah', fr: 'Kataëb Hezbollah', ar: 'كتائب حزب الله' }, parents: ['actor-iran-militias'] },
  { id: 'actor-hezbollah', kind: 'actor', type: 'armed-group', names: { en: 'Hezbollah', fr: 'Hezbollah', ar: 'حزب الله' } },
].map((e) => entitySchema.parse(e));

export const OSDH_FR = {
  title: 'Frappe de drone près de Boukamal',
  text: "L'Observatoire syrien des droits de l'homme (OSDH) a rapporté qu'une frappe de drone a visé un véhicule près de Boukamal, dans la province de Deir ez-Zor, tuant trois membres des Kataëb Hezbollah.",
  lang: 'fr' as const,
};
