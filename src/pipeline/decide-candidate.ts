// An admin's decision on a candidate actor. Accept: the candidate becomes an actor entity (its names in
// the languages seen, a parent given or suggested by the known actor most often named near it), saved
// through the run-time entity edits, so the next article any worker matches sees it. Reject: the key is
// never counted or proposed again.
import { createHash } from 'node:crypto';
import { entitySchema, type Entity, type Lang } from '../core/entities/entity.js';
import { VigieError } from '../core/errors/vigie-error.js';
import type { CandidateRecord, CandidateStore } from '../adapters/redis/candidate-store.js';
import { saveEntity, type EntityEditServices } from './save-entity.js';

export interface DecideCandidateServices extends EntityEditServices { candidates: CandidateStore; clock: () => Date }
export interface AcceptOptions { parent?: string; name?: string; id?: string }

async function find(s: DecideCandidateServices, key: string): Promise<CandidateRecord> {
  const rec = await s.candidates.get(key);
  if (!rec) throw new VigieError('NOT_FOUND', 'candidates', `no candidate ${key} (list them with \`vigie entities candidates\`)`);
  return rec;
}

/** An ascii id from the name ("actor-regiment-de-hajj-qassem-soleimani"); a hash of the key for Arabic-only names. */
function entityIdFor(name: string, key: string, taken: (id: string) => boolean): string {
  const slug = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const id = slug ? `actor-${slug}` : `actor-candidate-${hash}`;
  return taken(id) ? `${id}-${hash}` : id;
}

/** The entity a candidate becomes: every spelling seen, filed under the language it was seen in. */
export function candidateEntity(rec: CandidateRecord, opts: { id: string; name: string; parent?: string }): Entity {
  const aliases: Partial<Record<Lang, string[]>> = {};
  const nameLang = (rec.names.find((n) => n.name === opts.name)?.lang ?? rec.names[0]?.lang ?? 'en') as Lang;
  for (const n of [...rec.names, { name: opts.name, lang: nameLang }]) {
    const lang = n.lang as Lang;
    aliases[lang] = [...new Set([...(aliases[lang] ?? []), n.name.trim()])];
  }
  return entitySchema.parse({
    id: opts.id, kind: 'actor', type: 'armed-group', names: { en: opts.name, fr: opts.name, ar: opts.name }, aliases,
    parents: opts.parent ? [opts.parent] : [], sources: [`candidate:${rec.key}`],
  });
}

export async function acceptCandidate(s: DecideCandidateServices, key: string, opts: AcceptOptions = {}): Promise<{ candidate: CandidateRecord; entity: Entity; version: string }> {
  const rec = await find(s, key);
  const snap = await s.entities.current();
  if (rec.status === 'accepted' && rec.entityId && snap.graph.get(rec.entityId)) {
    return { candidate: rec, entity: snap.graph.get(rec.entityId)!, version: snap.version };
  }
  const parent = opts.parent ?? rec.nearActors.find((a) => snap.graph.get(a.id)?.kind === 'actor')?.id;
  if (parent && snap.graph.get(parent)?.kind !== 'actor') {
    throw new VigieError('ENTITY_INVALID', 'candidates', `parent ${parent} is not a known actor (find ids with \`vigie entities search <name>\`)`);
  }
  const name = opts.name?.trim() || rec.name;
  const id = opts.id ?? entityIdFor(name, key, (x) => snap.graph.get(x) !== undefined);
  const saved = await saveEntity(s, candidateEntity(rec, { id, name, parent }));
  await s.candidates.decide(key, 'accepted', s.clock(), saved.entity.id);
  return { candidate: (await s.candidates.get(key))!, ...saved };
}

export async function rejectCandidate(s: DecideCandidateServices, key: string): Promise<CandidateRecord> {
  await find(s, key);
  await s.candidates.decide(key, 'rejected', s.clock());
  return (await s.candidates.get(key))!;
}
