// The key that says "this item was already seen" within one source (RELIABILITY H13).
// Pure: guid, else canonical link, else a hash of title and link; it never looks at dates or content.
import { createHash } from 'node:crypto';
import { canonicalUrl } from './canonical-url.js';

/** Guids longer than this are hashed so keys stay small in Redis; the prefix keeps the two kinds apart. */
const MAX_GUID_KEY = 512;

export function itemIdentity(item: { guid?: string; url?: string; title?: string }): string {
  const guid = item.guid?.trim();
  if (guid) return guid.length > MAX_GUID_KEY ? `g:${sha256(guid)}` : guid;
  const link = item.url === undefined ? undefined : canonicalUrl(item.url);
  if (link !== undefined) return link;
  // The newline keeps ("ab", "c") and ("a", "bc") apart.
  return `h:${sha256(`${item.title ?? ''}\n${item.url ?? ''}`)}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
