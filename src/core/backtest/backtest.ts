// Backtest: runs a draft subscription over stored articles with the same matcher, rule engine and story
// rule the workers use, and lists the alerts it would have made (one per story, later articles of the
// story attached, as live routing does) plus near misses (some condition held, another failed) with the
// reason. Pure: articles, matcher, graph and the stories already assigned in; no storage, no clock.
import type { Matcher } from '../match/compile-matcher.js';
import type { EntityGraph } from '../match/entity-graph.js';
import { matchDocument, type Match } from '../match/match-document.js';
import { compileRules, type Rule, type RuleSet } from '../match/rules/compile-rules.js';
import { evaluateRules, passesEventFilter } from '../match/rules/evaluate-rules.js';
import { readEvents } from '../events/read-events.js';
import type { ArticleEvent } from '../events/event.js';
import type { Article } from '../model/article.js';
import { alertStep } from '../route/alert-step.js';
import { assignStory, STORY_DEFAULTS } from '../stories/assign-story.js';
import { articleFingerprint } from '../stories/article-fingerprint.js';
import { MemoryStoryIndex } from '../stories/memory-story-index.js';

export interface BacktestDraft { regions: string[]; actors: string[]; query?: string; languages: string[]; sources: string[]; events?: string[]; minKilled?: number }

export type MissReason = 'region' | 'actor' | 'query' | 'language' | 'source' | 'event';

export interface BacktestItem {
  articleId: string;
  title: string;
  url: string;
  sourceId: string;
  lang?: string;
  published?: string;
  fetchedAt: string;
  summary: string;
  /** Hits that explain the result (the draft's entities first; all hits when it names none). */
  matches: Match[];
  /** The events the article reports, main event first. */
  events: ArticleEvent[];
}
export interface RelatedArticle { articleId: string; title: string; url: string; sourceId: string }
/** An alert the draft would have sent: its story's first matching article, the later ones as `related`. */
export interface BacktestAlert extends BacktestItem { storyId: string; related: RelatedArticle[] }
export interface NearMiss extends BacktestItem { failed: MissReason[]; reason: string }
export interface BacktestResult { scanned: number; alerts: BacktestAlert[]; nearMisses: NearMiss[] }

interface Parts { full: RuleSet; regions?: RuleSet; actors?: RuleSet; query?: RuleSet }

function compileParts(d: BacktestDraft, graph: EntityGraph): Parts {
  const one = (r: Omit<Rule, 'id'>): RuleSet => compileRules([{ id: 'draft', ...r }], graph);
  return {
    full: one(d),
    regions: d.regions.length ? one({ regions: d.regions, actors: [] }) : undefined,
    actors: d.actors.length ? one({ regions: [], actors: d.actors }) : undefined,
    query: d.query ? one({ regions: [], actors: [], query: d.query }) : undefined,
  };
}

const REASON_TEXT: Record<MissReason, string> = {
  region: 'no hit inside the chosen regions', actor: 'no hit on the chosen actors', query: 'the keyword query did not match',
  language: 'the article\'s language is not among the chosen languages', source: 'the article\'s source is not among the chosen sources',
  event: 'no reported event of the chosen types and toll',
};

function failedConditions(d: BacktestDraft, parts: Parts, input: Parameters<typeof evaluateRules>[1]): { held: number; failed: MissReason[] } {
  const failed: MissReason[] = [];
  let held = 0;
  for (const key of ['regions', 'actors', 'query'] as const) {
    const set = parts[key];
    if (!set) continue;
    if (evaluateRules(set, input).length > 0) held += 1;
    else failed.push(key === 'regions' ? 'region' : key === 'actors' ? 'actor' : 'query');
  }
  // Same reading of language and source as evaluateRules' filters: primary subtag, exact source id.
  if (d.languages.length && !d.languages.map((l) => l.toLowerCase()).includes((input.lang ?? '').slice(0, 2).toLowerCase())) failed.push('language');
  if (d.sources.length && (input.sourceId === undefined || !d.sources.includes(input.sourceId))) failed.push('source');
  if (!passesEventFilter(parts.full.rules[0]!, input.events)) failed.push('event');
  return { held, failed };
}

function relevantMatches(d: BacktestDraft, graph: EntityGraph, matches: Match[]): Match[] {
  const wanted = new Set<string>();
  for (const ref of [...d.regions, ...d.actors]) {
    const e = graph.get(ref) ?? graph.resolve(ref);
    if (e) for (const id of graph.expand(e.id)) wanted.add(id);
  }
  const kept = matches.filter((m) => !m.suppressedBy);
  const mine = kept.filter((m) => wanted.has(m.entityId));
  return [...mine, ...kept.filter((m) => !wanted.has(m.entityId))].slice(0, 30);
}

/** The story an article belongs to: the one the workers assigned when they still know it, else the
 * same rule (assignStory over the earlier articles of this run, indexed as the story store does). */
function storyOfArticle(a: Article, entityIds: string[], graph: EntityGraph, index: MemoryStoryIndex, known: string | undefined): string {
  const fp = articleFingerprint(a, entityIds, graph);
  const storyId = known ?? assignStory(fp, index.lookup(fp, STORY_DEFAULTS.windowHours), { now: new Date(a.fetchedAt) }).storyId;
  index.add(storyId, fp);
  return storyId;
}

export interface BacktestInput {
  draft: BacktestDraft;
  matcher: Matcher;
  graph: EntityGraph;
  articles: Article[];
  /** Story ids the workers gave these articles (article id -> story id), where still stored. */
  storyOf?: ReadonlyMap<string, string>;
  maxNearMisses?: number;
}

export function backtest(input: BacktestInput): BacktestResult {
  const { draft, matcher, graph } = input;
  const parts = compileParts(draft, graph);
  const alerts = new Map<string, BacktestAlert>();
  const nearMisses: NearMiss[] = [];
  const stories = new MemoryStoryIndex();
  // In the order the workers took them in, so a story's first article is the one its alert shows.
  const ordered = [...input.articles].sort((x, y) => x.fetchedAt.localeCompare(y.fetchedAt));
  for (const a of ordered) {
    const result = matchDocument(matcher, { title: a.title, summary: a.summary, text: a.text, lang: a.lang });
    const entityIds = result.entities.map((e) => e.id);
    const storyId = storyOfArticle(a, entityIds, graph, stories, input.storyOf?.get(a.id));
    const events = a.events ?? readEvents({ title: a.title, summary: a.summary, text: a.text, lang: a.lang }, result);
    const ruleInput = { entityIds, doc: { title: a.title, summary: a.summary, text: a.text }, lang: a.lang, sourceId: a.sourceId, events };
    const item: BacktestItem = {
      articleId: a.id, title: a.title, url: a.url, sourceId: a.sourceId, lang: a.lang, published: a.published,
      fetchedAt: a.fetchedAt, summary: a.summary, matches: relevantMatches(draft, graph, result.matches), events,
    };
    if (evaluateRules(parts.full, ruleInput).length > 0) {
      // Decided as live routing decides: one alert per (subscription, story); one draft here, so the story.
      const kept = alerts.get(storyId);
      const step = alertStep(kept, a.id);
      if (step === 'create') alerts.set(storyId, { ...item, storyId, related: [] });
      else if (step === 'attach' && kept) kept.related.push({ articleId: a.id, title: a.title, url: a.url, sourceId: a.sourceId });
      continue;
    }
    const { held, failed } = failedConditions(draft, parts, ruleInput);
    if (held > 0 && failed.length > 0 && nearMisses.length < (input.maxNearMisses ?? 50)) {
      nearMisses.push({ ...item, failed, reason: failed.map((f) => REASON_TEXT[f]).join('; ') });
    }
  }
  return { scanned: input.articles.length, alerts: [...alerts.values()], nearMisses };
}
