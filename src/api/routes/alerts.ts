// /v1/alerts and /v1/articles/:id: what was sent, filtered by time, region, actor, subscription, source
// and language; each alert with the matches that explain it, its story, its delivery status and its updates.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { deliveryId } from '../../core/deliver/delivery-ids.js';
import type { Alert } from '../../core/model/alert.js';
import type { Article } from '../../core/model/article.js';
import type { Subscription } from '../../core/model/subscription.js';
import type { Services } from '../../runtime/create-services.js';
import { ApiError, notFound } from '../api-errors.js';
import { isAdmin } from '../auth.js';
import { mayUse, ownSubscription, visibleSubscriptions } from '../owner-scope.js';
import { routeSchema } from '../route-schema.js';
import { idParam, isoTime, langEnum, limitQuery } from '../common-schemas.js';

const alertQuery = z.object({
  from: isoTime.optional(), to: isoTime.optional(),
  subscription: z.string().max(100).optional(),
  region: z.string().max(200).optional().describe('entity id or any name; its sub-regions count'),
  actor: z.string().max(200).optional().describe('entity id or any name; its members count'),
  source: z.string().max(64).optional(),
  lang: langEnum.optional(),
  limit: limitQuery,
}).strict();
type AlertQuery = z.output<typeof alertQuery>;

async function candidateIds(s: Services, req: FastifyRequest, q: AlertQuery, scan: number): Promise<string[]> {
  const range = { from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined, limit: scan };
  if (q.subscription) return s.alerts.listAlertIds({ ...range, subscriptionId: (await ownSubscription(s, req, q.subscription)).id });
  if (isAdmin(req)) return s.alerts.listAlertIds(range);
  const lists = await Promise.all((await visibleSubscriptions(s, req)).map((sub) => s.alerts.listAlertIds({ ...range, subscriptionId: sub.id })));
  return lists.flat();
}

async function entityFilter(s: Services, ref: string | undefined, field: string): Promise<Set<string> | undefined> {
  if (!ref) return undefined;
  const { graph } = await s.entities.current();
  const e = graph.resolve(ref);
  if (!e) throw new ApiError('unprocessable', `query.${field}: no entity named "${ref}"`, { field: `query.${field}` });
  return graph.expand(e.id);
}

export async function alertViews(s: Services, alerts: Alert[], articles: Map<string, Article>) {
  const subs = new Map<string, Subscription | undefined>();
  for (const a of alerts) if (!subs.has(a.subscriptionId)) subs.set(a.subscriptionId, await s.subscriptions.get(a.subscriptionId));
  return Promise.all(alerts.map(async (alert) => {
    const article = articles.get(alert.articleId);
    const story = await s.stories.get(alert.storyId);
    const channels = subs.get(alert.subscriptionId)?.channels ?? [];
    const deliveries = (await Promise.all(channels.map((c) => s.alerts.getDelivery(deliveryId(alert.subscriptionId, alert.storyId, c.id)))))
      .filter((d) => d !== undefined);
    // Later articles may have raised the toll: the updates sent so far and the event as last told.
    const updates = (await s.updates.made(alert.id)) ?? null;
    return {
      ...alert,
      article: article ? { id: article.id, title: article.title, url: article.url, sourceId: article.sourceId, lang: article.lang, published: article.published } : null,
      events: alert.events ?? article?.events ?? [],
      story: story ? { id: story.id, articleIds: story.articleIds } : { id: alert.storyId, articleIds: [alert.articleId, ...alert.relatedArticleIds] },
      deliveries,
      updates,
    };
  }));
}

export async function alertRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.get('/v1/alerts', { schema: routeSchema({ operationId: 'listAlerts', summary: 'Alerts, newest first, with explanations, story and delivery status', tags: ['alerts'], query: alertQuery, responses: { 404: 'subscription not found', 422: 'unknown region or actor' } }) },
    async (req) => {
      const q = req.query as AlertQuery;
      const filtered = Boolean(q.region || q.actor || q.source || q.lang);
      const regions = await entityFilter(s, q.region, 'region');
      const actors = await entityFilter(s, q.actor, 'actor');
      const ids = await candidateIds(s, req, q, filtered ? Math.min(q.limit * 10, 2000) : q.limit);
      const alerts = (await s.alerts.getAlerts([...new Set(ids)])).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const articles = new Map((await s.articles.getMany([...new Set(alerts.map((a) => a.articleId))])).map((a) => [a.id, a] as const));
      const kept = alerts.filter((a) => {
        const art = articles.get(a.articleId);
        if (regions && !a.matches.some((m) => regions.has(m.entityId))) return false;
        if (actors && !a.matches.some((m) => actors.has(m.entityId))) return false;
        if (q.source && art?.sourceId !== q.source) return false;
        if (q.lang && (art?.lang ?? '').slice(0, 2) !== q.lang) return false;
        return true;
      }).slice(0, q.limit);
      return { alerts: await alertViews(s, kept, articles) };
    });

  app.get('/v1/alerts/:id', { schema: routeSchema({ operationId: 'getAlert', summary: 'One alert', tags: ['alerts'], params: idParam, responses: { 404: 'not_found' } }) },
    async (req) => {
      const alert = await s.alerts.getAlert((req.params as { id: string }).id);
      if (!alert || !mayUse(req, await s.subscriptions.get(alert.subscriptionId))) throw notFound('such alert');
      const articles = new Map((await s.articles.getMany([alert.articleId])).map((a) => [a.id, a] as const));
      return { alert: (await alertViews(s, [alert], articles))[0] };
    });

  app.get('/v1/articles/:id', { schema: routeSchema({ operationId: 'getArticle', summary: 'One stored article (text, language, source)', tags: ['articles'], params: idParam, responses: { 404: 'not_found' } }) },
    async (req) => {
      const article = await s.articles.get((req.params as { id: string }).id);
      if (!article) throw notFound('such article');
      if (article.events) return { article };
      // Not routed yet (or stored before events were read): read them now, as routing will.
      const snap = await s.entities.current();
      const doc = { title: article.title, summary: article.summary, text: article.text, lang: article.lang };
      return { article: { ...article, events: (await s.analysis.analyse(doc, snap, { events: true })).events } };
    });
}
