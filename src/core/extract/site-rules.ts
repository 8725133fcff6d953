// Per-site extraction rules as a plain, sorted data table (domain -> CSS selectors), like miniflux's
// scraper rules. Data only: a wrong selector is fixed here, not in code. No fetching, no heuristics.

export interface SiteRule {
  /** Selector(s) of the article body; every match is kept, in document order. */
  content: string;
  /** Selector of the headline element, used before the page metadata. */
  title?: string;
  /** Selector of an element whose `datetime`/`content` attribute or text is the publication time. */
  published?: string;
  /** Selectors removed inside the body before the text is read (share bars, related links, ads). */
  remove?: string[];
}

const COMMON_REMOVE = ['.sharedaddy', '.share', '.social', '[class*="share"]', '.related', '[class*="related"]', '.ads', '.ad'];

export const SITE_RULES: Record<string, SiteRule> = {
  'aawsat.com': {
    content: '.node-article .field-name-body, .article-body, [itemprop="articleBody"]',
    title: 'h1',
    remove: COMMON_REMOVE,
  },
  'alaraby.co.uk': {
    content: '.article-body, .details-desc, [itemprop="articleBody"]',
    title: 'h1',
    remove: [...COMMON_REMOVE, '.article-tags'],
  },
  'aljazeera.com': {
    content: '.wysiwyg, .article-p-wrapper, #main-content-area .wysiwyg--all-content',
    title: 'h1',
    published: '.date-simple, .article-dates',
    remove: [...COMMON_REMOVE, '.more-on', '.advertisement', '.article-newsletter-slot'],
  },
  'aljazeera.net': {
    content: '.wysiwyg, .article-p-wrapper, #main-content-area .wysiwyg--all-content',
    title: 'h1',
    published: '.date-simple, .article-dates',
    remove: [...COMMON_REMOVE, '.more-on', '.advertisement', '.article-newsletter-slot'],
  },
  'enabbaladi.net': {
    content: '.entry-content, .post-content, article .content',
    title: 'h1.entry-title, h1',
    published: 'time[datetime], .entry-date',
    remove: [...COMMON_REMOVE, '.jp-relatedposts', '.post-tags', '.addtoany_share_save_container'],
  },
  'france24.com': {
    content: '.t-content__body, .t-content__chapo, article .t-content',
    title: 'h1',
    published: 'time[datetime]',
    remove: [...COMMON_REMOVE, '.m-em-related', '.m-interstitial', '.o-self-promo'],
  },
  'lorientlejour.com': {
    content: '.article_full_text, .article-content, [itemprop="articleBody"]',
    title: 'h1',
    published: 'time[datetime]',
    remove: [...COMMON_REMOVE, '.read-more', '.subscription'],
  },
  'npasyria.com': {
    content: '.entry-content, .post-content, article .content',
    title: 'h1.entry-title, h1',
    published: 'time[datetime], .entry-date',
    remove: [...COMMON_REMOVE, '.post-tags'],
  },
  'syriahr.com': {
    content: '.entry-content, article .post-content',
    title: 'h1.entry-title, h1',
    published: 'time.entry-date[datetime], time[datetime]',
    remove: [...COMMON_REMOVE, '.sharedaddy', '.jp-relatedposts', '.post-tags', '.wpml-ls'],
  },
};

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** The rule whose domain is the URL's host or a parent of it (longest wins); `extra` rules beat built-ins. */
export function findSiteRule(url: string, extra: Record<string, SiteRule> = {}): SiteRule | undefined {
  const host = hostOf(url);
  if (host === undefined) return undefined;
  for (const table of [extra, SITE_RULES]) {
    const domains = Object.keys(table)
      .filter((d) => host === d.toLowerCase() || host.endsWith(`.${d.toLowerCase()}`))
      .sort((a, b) => b.length - a.length);
    if (domains[0] !== undefined) return table[domains[0]];
  }
  return undefined;
}
