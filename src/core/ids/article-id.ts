// Deterministic ids: the same canonical URL always gives the same article id, so an article is
// stored (and a BullMQ job named) once however many sources or polls bring it.
import { createHash } from 'node:crypto';

export function shortHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);
}

export function articleId(canonicalUrl: string): string {
  return `art_${shortHash(canonicalUrl)}`;
}
