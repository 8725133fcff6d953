// The candidate keys of every actor the catalog already has (names, aliases, former and generated
// spellings), so the finder never proposes a group vigie already knows under another spelling.
import type { Entity } from '../entities/entity.js';
import { candidateKey } from './candidate-key.js';

type LangLists = Partial<Record<string, readonly string[] | undefined>> | undefined;
const all = (lists: LangLists): string[] => Object.values(lists ?? {}).flatMap((l) => [...(l ?? [])]);

export function knownCandidateKeys(entities: readonly Entity[]): Set<string> {
  const keys = new Set<string>();
  for (const e of entities) {
    if (e.kind !== 'actor') continue;
    for (const name of [...Object.values(e.names), ...all(e.aliases), ...all(e.former), ...all(e.generated)]) {
      const k = candidateKey(name);
      if (k) keys.add(k);
    }
  }
  return keys;
}
