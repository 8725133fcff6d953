// GET /v1/alerts/map: the web page's alert map and timeline. Reads the caller's alerts of the last
// days (the same owner scoping as /v1/alerts) and their titles, then hands them to the pure core
// (src/core/map/alert-map.ts), which places, groups and counts them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { buildAlertMap } from '../../core/map/alert-map.js';
import type { Subscription } from '../../core/model/subscription.js';
import type { Services } from '../../runtime/create-services.js';
import { isAdmin } from '../auth.js';
import { ownSubscription, visibleSubscriptions } from '../owner-scope.js';
import { routeSchema } from '../route-schema.js';

const DAY_MS = 86_400_000;
/** Timeline series drawn at most (the first regions of the subscriptions, in their order). */
const MAX_SERIES = 8;

const mapQuery = z.object({
  subscription: z.string().max(100).optional().describe('one subscription; by default every subscription the caller may see'),
  days: z.coerce.number().int().min(1).max(90).default(30).describe('the window, ending now'),
  groupKm: z.coerce.number().min(0).max(500).default(25).describe('places this close to a busier one are drawn as one point; 0 never groups'),
  limit: z.coerce.number().int().min(1).max(5000).default(2000).describe('newest alerts read, at most'),
}).strict();
type MapQuery = z.output<typeof mapQuery>;

/** The subscriptions in scope: the one asked for (404 if not the caller's), or all the caller may see. */
async function scope(s: Services, req: FastifyRequest, q: MapQuery): Promise<{ subs: Subscription[]; all: boolean }> {
  if (q.subscription) return { subs: [await ownSubscription(s, req, q.subscription)], all: false };
  return { subs: await visibleSubscriptions(s, req), all: isAdmin(req) };
}

export async function alertMapRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.get('/v1/alerts/map', { schema: routeSchema({ operationId: 'alertMap', summary: 'Alerts of the last days on a map (grouped points at their most precise place) and per day', tags: ['alerts'], query: mapQuery, responses: { 404: 'subscription not found' } }) },
    async (req) => {
      const q = req.query as MapQuery;
      const to = new Date();
      const from = new Date(Math.floor((to.getTime() - (q.days - 1) * DAY_MS) / DAY_MS) * DAY_MS);
      const { subs, all } = await scope(s, req, q);
      const range = { from, to, limit: q.limit };
      const ids = all ? await s.alerts.listAlertIds(range)
        : (await Promise.all(subs.map((sub) => s.alerts.listAlertIds({ ...range, subscriptionId: sub.id })))).flat();
      const alerts = (await s.alerts.getAlerts([...new Set(ids)])).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, q.limit);
      const articles = new Map((await s.articles.getMany([...new Set(alerts.map((a) => a.articleId))])).map((a) => [a.id, a] as const));
      const { graph } = await s.entities.current();
      const regionIds = [...new Set(subs.flatMap((sub) => sub.regions))].slice(0, MAX_SERIES);
      const map = buildAlertMap({
        alerts: alerts.map((alert) => ({ alert, title: articles.get(alert.articleId)?.title, url: articles.get(alert.articleId)?.url })),
        places: graph, regionIds, groupKm: q.groupKm, from, to,
      });
      return { from: from.toISOString(), to: to.toISOString(), ...map };
    });
}
