// What class and id names tell about a block, in the languages vigie reads (English, French, and the
// English/transliterated names Arabic sites use). Hints only: weights, never decisions on their own.
import type { Element } from 'domhandler';

/** Names of blocks that are page furniture, not article prose (substring match). */
const NEGATIVE_LONG = /(comment|disqus|replies|share|sharing|partage|social|sidebar|related|connexe|similaire|a-lire|lire-aussi|lire_aussi|voir-aussi|more-on|recommend|newsletter|subscri|abonne|promo|sponsor|advert|adsense|publicite|banner|breadcrumb|ariane|footer|navbar|popup|modal|cookie|consent|gdpr|rgpd|widget|mostread|most-read|plus-lus|trending|outbrain|taboola|masthead|keywords|author-bio|signup|toolbar|pagination|pager|shoutbox|combx|skyscraper|agegate|gallery|galerie|carousel|slideshow|diaporama|lightbox)/i;
/** Short furniture names, matched as whole words only ("ad" must not hit "header" or "lead"). */
const NEGATIVE_SHORT = /(^|[\s_-])(ad|ads|pub|nav|menu|tags?|meta|rss|skip|print|login|tools|jump|header|hidden|extra|legends?|pied|aside)($|[\s_-])/i;

export const NEGATIVE_HINTS = { test: (names: string): boolean => NEGATIVE_LONG.test(names) || NEGATIVE_SHORT.test(names) };

/** Names of blocks that usually hold the article body. */
export const POSITIVE_HINTS = /(article|body|content|contenu|corps|entry|main|post|story|text|texte|chapo|chapeau|blog|news|detail|details|lead|prose|paragraph|hentry|single|mqal|khabar)/i;

/** Names that keep a block even when a negative hint matches too (e.g. "article-header-related"?). */
const KEEP_HINTS = /(article|main|content|contenu|entry-content|post-body|story-body|body)/i;

export function hintsOf(el: Element): string {
  const cls = el.attribs['class'];
  const id = el.attribs['id'];
  if (id === undefined) return cls === undefined ? '' : cls.trim(); // most elements: no string built
  return `${cls ?? ''} ${id}`.trim();
}

/** +25 for a body-like name, -25 for a furniture name (both can apply), as a score nudge. */
export function classWeight(el: Element): number {
  const names = hintsOf(el);
  if (names === '') return 0;
  let weight = 0;
  if (NEGATIVE_HINTS.test(names)) weight -= 25;
  if (POSITIVE_HINTS.test(names)) weight += 25;
  return weight;
}

/** A block whose name says furniture and nothing says body: removed before scoring. */
export function isUnlikelyBlock(el: Element): boolean {
  const names = hintsOf(el);
  if (names === '' || el.name === 'body' || el.name === 'html' || el.name === 'article' || el.name === 'main') return false;
  const role = el.attribs['role'] ?? '';
  if (/^(navigation|banner|complementary|contentinfo|menu|menubar|dialog|alertdialog)$/.test(role)) return true;
  return NEGATIVE_HINTS.test(names) && !KEEP_HINTS.test(names);
}
