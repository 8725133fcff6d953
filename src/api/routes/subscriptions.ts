// /v1/subscriptions: create, read, update, delete; rotate a webhook secret; send a test delivery; and
// the per-subscription Atom feed. Building and checking a subscription is the core's job (buildSubscription).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { subscriptionInputSchema, type ParsedSubscriptionInput } from '../../core/subscriptions/subscription-input.js';
import { rotateWebhookSecret, saveSubscription } from '../../pipeline/save-subscription.js';
import { enableChannel } from '../../pipeline/enable-channel.js';
import { removeSubscription } from '../../pipeline/discard-held.js';
import { signingSecrets } from '../../core/subscriptions/signing-secrets.js';
import type { Subscription } from '../../core/model/subscription.js';
import { postWebhook } from '../../adapters/webhook/post-webhook.js';
import type { Services } from '../../runtime/create-services.js';
import { ApiError, notFound } from '../api-errors.js';
import { principalOf } from '../auth.js';
import { checkPublicUrl } from '../check-public-url.js';
import { feedToken, verifyFeedToken } from '../feed-token.js';
import { ownSubscription, visibleSubscriptions } from '../owner-scope.js';
import { renderAtom } from '../render-atom.js';
import { routeSchema } from '../route-schema.js';
import { idParam } from '../common-schemas.js';

const tags = ['subscriptions'];
const channelBody = z.object({ channelId: z.string().max(64).optional() }).strict().nullable().optional();
const enableBody = z.object({
  channelId: z.string().max(64).optional().describe('webhook channel (default: the first disabled one)'),
  held: z.enum(['deliver', 'discard']).optional().describe('what happens to the deliveries held while it was disabled; required when there are any'),
}).strict();

export async function subscriptionView(s: Services, sub: Subscription) {
  const token = feedToken(sub.id, await s.signingKey());
  const base = s.env.VIGIE_PUBLIC_URL.replace(/\/+$/, '');
  return { ...sub, feed: { token, url: `${base}/v1/subscriptions/${sub.id}/feed.atom?token=${token}` } };
}

/** Webhook URLs follow the one URL rule (checkTargetUrl): public or allowed, and https outside an allowed network. */
function checkChannels(s: Services, input: ParsedSubscriptionInput): void {
  input.channels.forEach((c, i) => {
    if (c.type === 'webhook') checkPublicUrl(c.url, 'webhook', s.urlPolicy, `body.channels.${i}.url`);
  });
}

function webhookChannel(sub: Subscription, channelId: string | undefined) {
  const c = sub.channels.find((x) => x.type === 'webhook' && (!channelId || x.id === channelId));
  if (!c || c.type !== 'webhook') throw notFound(`webhook channel${channelId ? ` ${channelId}` : ''} on ${sub.id}`);
  return c;
}

export async function subscriptionRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.get('/v1/subscriptions', { schema: routeSchema({ operationId: 'listSubscriptions', summary: 'List the subscriptions this key may see', tags }) },
    async (req) => ({ subscriptions: await Promise.all((await visibleSubscriptions(s, req)).map((x) => subscriptionView(s, x))) }));

  app.post('/v1/subscriptions', {
    schema: routeSchema({ operationId: 'createSubscription', summary: 'Create a subscription; webhook secrets are in the answer, once', tags, body: subscriptionInputSchema, responses: { 201: 'created', 422: 'url_not_public, https_required (http webhook outside VIGIE_ALLOW_NETWORKS), config_invalid (unknown entity, bad query with details.query.position)' } }),
  }, async (req, reply) => {
    checkChannels(s, req.body as ParsedSubscriptionInput);
    const { subscription, secrets } = await saveSubscription(s, req.body as ParsedSubscriptionInput, { owner: principalOf(req).id });
    return reply.code(201).send({ subscription: await subscriptionView(s, subscription), secrets });
  });

  app.get('/v1/subscriptions/:id', { schema: routeSchema({ operationId: 'getSubscription', summary: 'One subscription (never its secrets)', tags, params: idParam, responses: { 404: 'not_found' } }) },
    async (req) => ({ subscription: await subscriptionView(s, await ownSubscription(s, req, (req.params as { id: string }).id)) }));

  app.put('/v1/subscriptions/:id', {
    schema: routeSchema({ operationId: 'replaceSubscription', summary: 'Replace a subscription (channels kept by position keep their secrets)', tags, params: idParam, body: subscriptionInputSchema, responses: { 404: 'not_found', 422: 'invalid' } }),
  }, async (req) => {
    const previous = await ownSubscription(s, req, (req.params as { id: string }).id);
    checkChannels(s, req.body as ParsedSubscriptionInput);
    const { subscription, secrets } = await saveSubscription(s, req.body as ParsedSubscriptionInput, { owner: previous.owner, previous });
    return { subscription: await subscriptionView(s, subscription), secrets };
  });

  app.delete('/v1/subscriptions/:id', { schema: routeSchema({ operationId: 'deleteSubscription', summary: 'Delete a subscription and its secrets', tags, params: idParam, responses: { 404: 'not_found' } }) },
    async (req, reply) => {
      const sub = await ownSubscription(s, req, (req.params as { id: string }).id);
      await removeSubscription(s, sub);
      return reply.code(204).send();
    });

  app.post('/v1/subscriptions/:id/rotate-secret', {
    schema: routeSchema({ operationId: 'rotateSubscriptionSecret', summary: 'New webhook secret; the previous one keeps signing for 24 h', tags, params: idParam, body: channelBody }),
  }, async (req) => {
    const sub = await ownSubscription(s, req, (req.params as { id: string }).id);
    webhookChannel(sub, (req.body as { channelId?: string } | null)?.channelId);
    return rotateWebhookSecret(s, sub, (req.body as { channelId?: string } | null)?.channelId);
  });

  app.post('/v1/subscriptions/:id/enable', {
    schema: routeSchema({ operationId: 'enableSubscriptionChannel', summary: 'Re-enable a webhook channel disabled by a 410; deliver or discard the alerts held meanwhile', tags, params: idParam, body: enableBody, responses: { 404: 'not_found', 409: 'held_choice_required (details.held: how many are held)' } }),
  }, async (req) => {
    const sub = await ownSubscription(s, req, (req.params as { id: string }).id);
    const out = await enableChannel(s, sub, req.body as z.output<typeof enableBody>);
    return { ...out, subscription: await subscriptionView(s, out.subscription) };
  });

  app.post('/v1/subscriptions/:id/test', {
    schema: routeSchema({ operationId: 'testSubscriptionDelivery', summary: 'POST a signed alert.test payload to the webhook now and return the outcome', tags, params: idParam, body: channelBody }),
  }, async (req) => {
    const sub = await ownSubscription(s, req, (req.params as { id: string }).id);
    const channel = webhookChannel(sub, (req.body as { channelId?: string } | null)?.channelId);
    const secrets = await s.subscriptions.getSecrets(sub.id, channel.id);
    if (!secrets) throw new ApiError('conflict', `webhook channel ${channel.id} has no secret`);
    const now = s.clock();
    const deliveryId = `msg_test_${randomBytes(8).toString('hex')}`;
    const body = JSON.stringify({ type: 'alert.test', timestamp: now.toISOString(), data: { subscriptionId: sub.id, channelId: channel.id, name: sub.name, message: 'test delivery from vigie' } });
    const attempt = await postWebhook(s.webhookFetcher, { url: channel.url, deliveryId, body, secrets: signingSecrets(secrets, now), now, timeoutMs: s.env.VIGIE_WEBHOOK_TIMEOUT_MS });
    return { deliveryId, channelId: channel.id, ...attempt };
  });

  app.get('/v1/subscriptions/:id/feed.atom', {
    config: { auth: 'public' },
    schema: routeSchema({ operationId: 'subscriptionFeed', summary: 'Atom feed of the subscription\'s recent alerts (token from the subscription\'s feed.url)', tags, public: true, params: idParam, query: z.object({ token: z.string().min(10).max(200) }).strict(), responses: { 404: 'unknown subscription or wrong token' } }),
  }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const { token } = req.query as { token: string };
    const sub = await s.subscriptions.get(id);
    if (!sub || !verifyFeedToken(id, token, await s.signingKey())) throw notFound(`feed for ${id}`);
    const alerts = await s.alerts.getAlerts(await s.alerts.listAlertIds({ subscriptionId: id, limit: 50 }));
    const articles = new Map((await s.articles.getMany(alerts.map((a) => a.articleId))).map((a) => [a.id, a] as const));
    const base = s.env.VIGIE_PUBLIC_URL.replace(/\/+$/, '');
    const xml = renderAtom({
      subscriptionId: id, title: `vigie: ${sub.name}`, selfUrl: `${base}/v1/subscriptions/${id}/feed.atom?token=${token}`,
      updated: alerts[0] ? new Date(alerts[0].createdAt) : new Date(sub.createdAt),
      alerts: alerts.map((alert) => ({ alert, article: articles.get(alert.articleId) })),
    });
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });
}
