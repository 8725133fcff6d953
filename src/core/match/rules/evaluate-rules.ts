// Decides which rules fire for one article from its matched entities and its text. Walks each matched
// entity's ancestors to reach the rules naming them (hierarchy/member-of expansion); tokenises at most once.
import type { RuleSet, CompiledRule } from './compile-rules.js';
import { tokenize } from '../tokenize.js';
import { indexTokens } from '../query/doc-index.js';
import type { QueryNode } from '../query/query-node.js';
import { evaluateQuery } from '../query/evaluate-query.js';
import type { ArticleEvent } from '../../events/event.js';

export interface RuleInput {
  entityIds: Iterable<string>;
  doc: { title?: string; summary?: string; text?: string };
  lang?: string;
  sourceId?: string;
  /** The article's events (event-type and killed filters, and query terms such as type:air_strike). */
  events?: readonly ArticleEvent[];
}

/** Each matched entity with all its ancestors: entity X lies in expand(R) exactly when R is among these. */
function coveredIds(set: RuleSet, entityIds: Iterable<string>): Set<string> {
  const covered = new Set<string>();
  for (const id of entityIds) {
    if (covered.has(id)) continue;
    covered.add(id);
    for (const a of set.graph.ancestors(id)) covered.add(a);
  }
  return covered;
}

const intersects = (a: Set<string>, b: Set<string>): boolean => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

function passesFilters(rule: CompiledRule, input: RuleInput): boolean {
  if (rule.languages && !rule.languages.has((input.lang ?? '').slice(0, 2).toLowerCase())) return false;
  if (rule.sources && (input.sourceId === undefined || !rule.sources.has(input.sourceId))) return false;
  return passesEventFilter(rule, input.events);
}

/**
 * The event filter of a rule: one event must pass both parts ("an air strike that killed 5", not an
 * air strike and a clash that killed 5). No filter: any article passes.
 */
export function passesEventFilter(rule: Pick<CompiledRule, 'eventTypes' | 'minKilled'>, events: readonly ArticleEvent[] = []): boolean {
  if (!rule.eventTypes && rule.minKilled === undefined) return true;
  return events.some((e) => (!rule.eventTypes || rule.eventTypes.has(e.type))
    && (rule.minKilled === undefined || (e.killed ?? 0) >= rule.minKilled));
}

/**
 * The rules an article passes on everything but a keyword query (`fired`), and those whose query is
 * still to be checked (`withQuery`, with `queries` in the same order): the query part may run elsewhere
 * (queryVerdicts, on a thread), and firedIds puts the two parts together.
 */
export interface ScreenedRules { fired: CompiledRule[]; withQuery: CompiledRule[]; queries: QueryNode[] }

export function screenRules(set: RuleSet, input: RuleInput): ScreenedRules {
  const covered = coveredIds(set, input.entityIds);
  const candidates = new Set<CompiledRule>(set.queryOnly);
  for (const id of covered) for (const r of set.byEntity.get(id) ?? []) candidates.add(r);
  const fired: CompiledRule[] = [];
  const withQuery: CompiledRule[] = [];
  for (const rule of candidates) {
    if (!passesFilters(rule, input)) continue;
    if (rule.regions.size > 0 && !intersects(rule.regions, covered)) continue;
    if (rule.actors.size > 0 && !intersects(rule.actors, covered)) continue;
    (rule.query ? withQuery : fired).push(rule);
  }
  return { fired, withQuery, queries: withQuery.map((r) => r.query!) };
}

/** Whether each query holds over the document and its events; the document is tokenised once, if at all. */
export function queryVerdicts(queries: readonly QueryNode[], doc: RuleInput['doc'], events?: readonly ArticleEvent[]): boolean[] {
  if (queries.length === 0) return [];
  const index = indexTokens(tokenize(doc.title ?? ''), tokenize(doc.summary ?? ''), tokenize(doc.text ?? ''));
  return queries.map((q) => evaluateQuery(q, index, events));
}

/** The ids of the rules that fired, in the rules' order: the screened-in ones and those whose query held (`verdicts[i]` for `queries[i]`). */
export function firedIds(screened: ScreenedRules, verdicts: readonly boolean[]): string[] {
  return [...screened.fired, ...screened.withQuery.filter((_, i) => verdicts[i])]
    .sort((a, b) => a.order - b.order).map((r) => r.id);
}

/** Every step in place: routing runs the same three with the queries on the analysis pool (route-article.ts). */
export function evaluateRules(set: RuleSet, input: RuleInput): string[] {
  const screened = screenRules(set, input);
  return firedIds(screened, queryVerdicts(screened.queries, input.doc, input.events));
}
