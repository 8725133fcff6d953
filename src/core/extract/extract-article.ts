// Article extraction from an HTML page: a per-site rule when one applies, else generic content scoring;
// metadata from JSON-LD/OpenGraph/HTML. Pure (one htmlparser2 parse per page, through cheerio/slim so
// site rules keep their CSS selectors); fetching is the caller's job.
import { load, type CheerioAPI } from 'cheerio/slim';
import { capDepth } from './cap-depth.js';
import type { AnyNode, Element } from 'domhandler';
import { VigieError } from '../errors/vigie-error.js';
import { cleanPage, dropNonText } from './clean-page.js';
import { collectParagraphs } from './collect-paragraphs.js';
import { EditLog } from './edit-log.js';
import { ensureBody } from './ensure-body.js';
import { detectLanguage, normaliseLang } from './detect-language.js';
import { findContent } from './find-content.js';
import { isElement } from './node-text.js';
import { readMetadata, toIsoDate } from './read-metadata.js';
import { findSiteRule, type SiteRule } from './site-rules.js';

export interface ExtractedArticle {
  title: string;
  /** Paragraphs separated by one blank line. */
  text: string;
  /** ISO 8601 (UTC). */
  published?: string;
  lang?: string;
  canonicalUrl?: string;
  byline?: string;
  siteName?: string;
}

export interface ExtractOptions {
  /** The page's URL: picks the site rule and resolves relative links. */
  url: string;
  /** A rule to use instead of the built-in table's. */
  rules?: SiteRule;
  /** A language the caller knows (the source's), used before the page's own declaration. */
  langHint?: string;
}

function select($: CheerioAPI, selector: string | undefined): Element[] {
  if (selector === undefined || selector.trim() === '') return [];
  try {
    return $(selector).toArray().filter(isElement);
  } catch {
    return []; // a malformed selector in the rule table must not break extraction
  }
}

/** Matched blocks without those nested in another match (a selector list can hit both). */
function outermost(blocks: Element[]): Element[] {
  const set = new Set(blocks);
  return blocks.filter((el) => {
    for (let p = el.parent; p !== null; p = p.parent) if (set.has(p as Element)) return false;
    return true;
  });
}

function byRule($: CheerioAPI, rule: SiteRule, title: string, log: EditLog): string[] {
  dropNonText($.root()[0]!, log);
  const blocks = outermost(select($, rule.content));
  for (const selector of rule.remove ?? []) {
    for (const block of blocks) {
      try {
        for (const el of $(block).find(selector).toArray()) log.remove(el);
      } catch {
        // skip a malformed removal selector, keep the others
      }
    }
  }
  return blocks.length === 0 ? [] : collectParagraphs(blocks, log, title, { dropClutter: false });
}

function ruleText($: CheerioAPI, selector: string | undefined): string | undefined {
  const el = select($, selector)[0];
  if (el === undefined) return undefined;
  const value = el.attribs['datetime'] ?? el.attribs['content'] ?? $(el).text();
  const squashed = value.replace(/\s+/g, ' ').trim();
  return squashed === '' ? undefined : squashed;
}

/** Below this many characters a first pass probably removed the article with the furniture. */
const SHORT_TEXT = 500;

/**
 * Scoring with furniture-named blocks removed, then (if that found too little) without removing them.
 * Each pass undoes its edits, so the second one sees the page as parsed without a second parse.
 */
function generic(root: AnyNode, title: string): string[] {
  let best: string[] = [];
  let bestLength = -1;
  for (const stripUnlikely of [true, false]) {
    const log = new EditLog();
    cleanPage(root, log, { stripUnlikely });
    const paragraphs = collectParagraphs(findContent(root), log, title);
    log.undo();
    const length = paragraphs.reduce((n, p) => n + p.length, 0);
    if (length >= SHORT_TEXT) return paragraphs;
    if (length > bestLength) [best, bestLength] = [paragraphs, length];
  }
  return best;
}

/** Extracts title, text and metadata; throws EXTRACT_EMPTY (permanent) when no text is found. */
export function extractArticle(html: string, opts: ExtractOptions): ExtractedArticle {
  const $ = load(html);
  capDepth($.root()[0]!);
  ensureBody($);
  const root = $.root()[0]!;
  const meta = readMetadata(root, opts.url);
  const rule = opts.rules ?? findSiteRule(opts.url);
  const title = (rule ? ruleText($, rule.title) : undefined) ?? meta.title ?? '';
  const published = (rule ? toIsoDate(ruleText($, rule.published)) : undefined) ?? meta.published;
  const log = new EditLog();
  const ruled = rule ? byRule($, rule, title, log) : [];
  log.undo(); // a rule that found nothing leaves the page as parsed for generic scoring
  const text = (ruled.length > 0 ? ruled : generic(root, title)).join('\n\n');
  if (text.trim() === '') {
    throw new VigieError('EXTRACT_EMPTY', 'extract', `no article text found in ${opts.url}`, { details: { url: opts.url } });
  }
  const lang = normaliseLang(opts.langHint) ?? meta.lang ?? detectLanguage(text);
  const article: ExtractedArticle = { title, text };
  if (published !== undefined) article.published = published;
  if (lang !== undefined) article.lang = lang;
  if (meta.canonicalUrl !== undefined) article.canonicalUrl = meta.canonicalUrl;
  if (meta.byline !== undefined) article.byline = meta.byline;
  if (meta.siteName !== undefined) article.siteName = meta.siteName;
  return article;
}
