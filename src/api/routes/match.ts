// Trying rules before saving them: POST /v1/match (what the matcher finds in a posted text, with the
// explanation an alert would carry), POST /v1/query/check (live query validation with the error
// position) and POST /v1/backtest (a draft subscription over the stored articles of a time range).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_QUERY_LENGTH, parseQuery } from '../../core/match/query/parse-query.js';
import { isVigieError } from '../../core/errors/vigie-error.js';
import { buildSubscription } from '../../core/subscriptions/build-subscription.js';
import { subscriptionInputSchema } from '../../core/subscriptions/subscription-input.js';
import { backtest } from '../../core/backtest/backtest.js';
import type { Services } from '../../runtime/create-services.js';
import { ApiError } from '../api-errors.js';
import { routeSchema } from '../route-schema.js';
import { isoTime, langEnum } from '../common-schemas.js';

const tags = ['try'];
const DAY_MS = 24 * 3600 * 1000;

const matchBody = z.object({
  text: z.string().max(200_000),
  title: z.string().max(2000).optional(),
  summary: z.string().max(20_000).optional(),
  lang: langEnum.optional(),
}).strict();

const queryBody = z.object({ query: z.string().max(MAX_QUERY_LENGTH) }).strict();

const backtestBody = subscriptionInputSchema.pick({ regions: true, actors: true, query: true, languages: true, sources: true, events: true, minKilled: true }).extend({
  days: z.number().int().min(1).max(90).default(7).describe('how many days back from now (ignored when from is given)'),
  from: isoTime.optional(),
  to: isoTime.optional(),
  maxArticles: z.number().int().min(1).max(5000).default(2000),
}).strict();
type BacktestBody = z.output<typeof backtestBody>;

export async function matchRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.post('/v1/match', { bodyLimit: 1024 * 1024, schema: routeSchema({ operationId: 'matchText', summary: 'Dry run: the entities found in a text, with alias, surface, offsets, snippet and region path', tags, body: matchBody }) },
    async (req) => {
      const body = req.body as z.output<typeof matchBody>;
      const snap = await s.entities.current();
      // On the analysis pool: a megabyte of text to match holds a thread, not the API's event loop.
      const { result, events } = await s.analysis.analyse({ title: body.title, summary: body.summary, text: body.text, lang: body.lang }, snap, { events: true });
      return { version: snap.version, entities: result.entities, matches: result.matches.filter((m) => !m.suppressedBy), events };
    });

  app.post('/v1/query/check', { schema: routeSchema({ operationId: 'checkQuery', summary: 'Check a keyword query; a syntax error comes with its position (0-based column)', tags, body: queryBody, responses: { 422: 'query_too_deep: more nested groups or negations than allowed (details.position)' } }) },
    async (req) => {
      const { query } = req.body as { query: string };
      if (query.trim() === '') return { valid: true, empty: true };
      try {
        parseQuery(query);
        return { valid: true };
      } catch (err) {
        // A query too deep to read is refused (422 query_too_deep), not reported as a syntax error.
        if (!isVigieError(err) || err.code !== 'QUERY_SYNTAX') throw err;
        return { valid: false, error: { code: 'query_syntax', message: err.message, ...err.details } };
      }
    });

  app.post('/v1/backtest', {
    schema: routeSchema({ operationId: 'backtest', summary: 'A draft subscription over stored articles: the alerts it would have sent (one per story, as live routing: later articles of the story in related), and near misses with the reason', tags, body: backtestBody, responses: { 422: 'unknown entity or bad query (details.query.position); query_too_deep' } }),
  }, async (req) => {
    const body = req.body as BacktestBody;
    const snap = await s.entities.current();
    const now = s.clock();
    // Same resolution and checks as a saved subscription (names in any language, query syntax).
    const draft = buildSubscription({ ...body, name: 'backtest', active: true, channels: [] }, {
      graph: snap.graph, id: 'backtest', owner: 'backtest', now, channelId: () => 'none',
    });
    const to = body.to ? new Date(body.to) : now;
    const from = body.from ? new Date(body.from) : new Date(to.getTime() - body.days * DAY_MS);
    if (from > to) throw new ApiError('unprocessable', 'body.from is after body.to', { field: 'body.from' });
    const ids = await s.articles.listIdsBetween(from, to, body.maxArticles);
    // The stories the workers assigned, so "try it" counts one alert per story exactly as they did.
    const [articles, storyOf] = await Promise.all([s.articles.getMany(ids), s.stories.storiesOfArticles(ids)]);
    const result = backtest({ draft, matcher: snap.matcher, graph: snap.graph, articles, storyOf });
    const newest = (a: { fetchedAt: string }, b: { fetchedAt: string }) => b.fetchedAt.localeCompare(a.fetchedAt);
    return {
      from: from.toISOString(), to: to.toISOString(), scanned: result.scanned,
      resolved: { regions: draft.regions, actors: draft.actors },
      alerts: result.alerts.sort(newest), nearMisses: result.nearMisses.sort(newest),
    };
  });
}
