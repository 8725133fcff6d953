// Compiles subscription rules into an index keyed by the region/actor ids they name, so evaluating an
// article costs (matched entities x ancestors), not (number of rules). Pure; throws QUERY_SYNTAX/ENTITY_INVALID.
import type { EntityGraph } from '../entity-graph.js';
import type { QueryNode } from '../query/query-node.js';
import { parseQuery } from '../query/parse-query.js';
import { VigieError, isVigieError } from '../../errors/vigie-error.js';

export interface Rule {
  id: string; regions: string[]; actors: string[]; query?: string; languages?: string[]; sources?: string[];
  /** Event types the article must report (any one of them); with minKilled, that event's toll counts. */
  events?: string[];
  /** Fewest people killed in one reported event. */
  minKilled?: number;
}

export interface CompiledRule {
  id: string;
  order: number;
  regions: Set<string>;
  actors: Set<string>;
  query?: QueryNode;
  languages?: Set<string>;
  sources?: Set<string>;
  eventTypes?: Set<string>;
  minKilled?: number;
}

export interface RuleSet {
  readonly rules: CompiledRule[];
  /** Region or actor id named by a rule -> rules naming it. */
  readonly byEntity: Map<string, CompiledRule[]>;
  /** Rules with a query and no region/actor: checked on every article. */
  readonly queryOnly: CompiledRule[];
  readonly graph: EntityGraph;
}

function entityIds(rule: Rule, field: 'regions' | 'actors', graph: EntityGraph): Set<string> {
  return new Set(rule[field].map((ref) => {
    const e = graph.get(ref) ?? graph.resolve(ref);
    if (!e) {
      throw new VigieError('ENTITY_INVALID', 'rules', `rule ${rule.id}: unknown ${field === 'regions' ? 'region' : 'actor'} "${ref}"`,
        { details: { ruleId: rule.id, field, entity: ref } });
    }
    return e.id;
  }));
}

function compileQuery(rule: Rule): QueryNode | undefined {
  if (rule.query === undefined || rule.query.trim() === '') return undefined;
  try {
    return parseQuery(rule.query);
  } catch (err) {
    if (!isVigieError(err)) throw err;
    throw new VigieError(err.code, 'rules', `rule ${rule.id}: ${err.message}`, { details: { ...err.details, ruleId: rule.id }, cause: err });
  }
}

const lowerSet = (list: string[] | undefined): Set<string> | undefined =>
  list && list.length > 0 ? new Set(list.map((s) => s.toLowerCase())) : undefined;

export function compileRules(rules: Rule[], graph: EntityGraph): RuleSet {
  const set: RuleSet = { rules: [], byEntity: new Map(), queryOnly: [], graph };
  rules.forEach((rule, order) => {
    const compiled: CompiledRule = {
      id: rule.id, order, regions: entityIds(rule, 'regions', graph), actors: entityIds(rule, 'actors', graph),
      query: compileQuery(rule), languages: lowerSet(rule.languages), sources: rule.sources?.length ? new Set(rule.sources) : undefined,
      eventTypes: lowerSet(rule.events), minKilled: rule.minKilled,
    };
    set.rules.push(compiled);
    // A rule is reachable from any one of its region ids (or, without regions, its actor ids): the
    // full condition is checked afterwards. A rule with nothing to match never fires.
    const keys = compiled.regions.size > 0 ? compiled.regions : compiled.actors;
    for (const id of keys) set.byEntity.set(id, [...(set.byEntity.get(id) ?? []), compiled]);
    if (keys.size === 0 && compiled.query) set.queryOnly.push(compiled);
  });
  return set;
}
