// Holds the compiled rule index of all active subscriptions, rebuilt when the subscriptions version
// (bumped on every write) or the entity graph changes. 10,000 subscriptions compile once, not per article.
import type { Subscription } from '../core/model/subscription.js';
import { compileRules, type RuleSet } from '../core/match/rules/compile-rules.js';
import type { EntitySnapshot } from './entity-catalog.js';
import type { SubscriptionStore } from '../adapters/redis/subscription-store.js';
import type { Logger } from '../runtime/create-logger.js';

export interface RuleSnapshot { key: string; rules: RuleSet; subscriptions: Map<string, Subscription> }

export function createRuleCatalog(store: SubscriptionStore, log: Logger) {
  let snapshot: RuleSnapshot | undefined;
  return {
    async current(entities: EntitySnapshot): Promise<RuleSnapshot> {
      const key = `${await store.version()}/${entities.version}`;
      if (snapshot && snapshot.key === key) return snapshot;
      const subs = (await store.list()).filter((s) => s.active);
      const valid: Subscription[] = [];
      for (const s of subs) {
        try {
          compileRules([{ id: s.id, regions: s.regions, actors: s.actors, query: s.query, languages: s.languages, sources: s.sources, events: s.events, minKilled: s.minKilled }], entities.graph);
          valid.push(s);
        } catch (err) {
          // One broken subscription must not stop alerts for the others; it is reported, not dropped silently.
          log.error({ event: 'subscription.rules.invalid', subscriptionId: s.id, err: String(err) }, 'subscription skipped');
        }
      }
      const rules = compileRules(valid.map((s) => ({ id: s.id, regions: s.regions, actors: s.actors, query: s.query, languages: s.languages, sources: s.sources, events: s.events, minKilled: s.minKilled })), entities.graph);
      snapshot = { key, rules, subscriptions: new Map(valid.map((s) => [s.id, s])) };
      return snapshot;
    },
  };
}

export type RuleCatalog = ReturnType<typeof createRuleCatalog>;
