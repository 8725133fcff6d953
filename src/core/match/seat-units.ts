// Towns that are the seat of a district or governorate named after them (Latakia, Abu Kamal): news
// writes "la province de Lattaquié", "ريف القامشلي", "the Idlib countryside" with the TOWN's name and
// means the unit. Computed from the entity names at compile time; used by match-document.ts.
import type { Entity } from '../entities/entity.js';
import { nameKey } from './entity-graph.js';

/** Per entity index: the governorate seated in it and the district seated in it (-1 when none). */
export interface SeatUnits { governorate: Int32Array; district: Int32Array }

const UNIT_SUFFIX = /\s(?:governorate|district|province|subdistrict|nahiya)$/;

/** A leading Arabic article as romanised (Al-Qamishli District seats in Qamishli). */
const ARTICLE = /^(?:al|el|a[dnrstz]|ash)[- ]/;

function bareKey(e: Entity): string {
  return nameKey(e.names.en).replace(UNIT_SUFFIX, '').replace(ARTICLE, '');
}

/** French unit words before the name ("district de Palmyre", "gouvernorat d'Alep"), Arabic ones too. */
const UNIT_PREFIX_FR = /^(?:district|gouvernorat|province|sous-district|nahiya|caza|mohafazat)\s+(?:(?:de|du|d)\s+|d'\s*)?/;
const UNIT_PREFIX_AR = /^(?:مدين[ةه]|منطق[ةه]|محافظ[ةه]|ناحي[ةه]|قضاء)\s+/;

/**
 * The town's and the unit's own names with their unit words taken off, in French and Arabic: a town
 * whose English name differs from its district's (Palmyra in Tadmur District) still seats it, since
 * the French ("Palmyre", "district de Palmyre") and Arabic ("مدينة تدمر", "منطقة تدمر") names agree.
 */
function otherKeys(e: Entity): string[] {
  return [nameKey(e.names.fr).replace(UNIT_PREFIX_FR, ''), nameKey(e.names.ar).replace(UNIT_PREFIX_AR, '')].filter((k) => k.length > 0);
}

export function seatUnits(entities: readonly Entity[], byId: ReadonlyMap<string, number>): SeatUnits {
  const governorate = new Int32Array(entities.length).fill(-1);
  const district = new Int32Array(entities.length).fill(-1);
  entities.forEach((e, i) => {
    if (e.kind !== 'region' || (e.type !== 'town' && e.type !== 'city')) return;
    const key = bareKey(e);
    const others = otherKeys(e);
    // Walk up the first-parent chain: the district, then the governorate, named like the town.
    let cur = e;
    for (let depth = 0; depth < 4 && cur.parents.length > 0; depth += 1) {
      const p = byId.get(cur.parents[0]!);
      if (p === undefined) break;
      const parent = entities[p]!;
      if (bareKey(parent) === key || nameKey(parent.names.en).replace(ARTICLE, '').startsWith(`${key} `)
        || (others.length === 2 && otherKeys(parent).every((k, j) => k === others[j]))) {
        if (parent.type === 'governorate') governorate[i] = p;
        else if (parent.type === 'district') district[i] = p;
      }
      cur = parent;
    }
  });
  return { governorate, district };
}
