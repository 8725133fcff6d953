// One-click unsubscribe (RFC 8058): GET shows a confirmation page (link scanners must not unsubscribe
// anyone), POST does it. The token names the subscription and email channel, signed with signingKey().
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { verifyUnsubscribe, type UnsubscribeTarget } from '../../core/deliver/unsubscribe-token.js';
import { escapeHtml } from '../../core/render/escape-html.js';
import type { Services } from '../../runtime/create-services.js';
import { routeSchema } from '../route-schema.js';

const tags = ['subscriptions'];
const params = z.object({ token: z.string().min(10).max(2048).regex(/^[A-Za-z0-9_.-]+$/) }).strict();

function page(reply: FastifyReply, status: number, title: string, body: string): FastifyReply {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1d2a33}button{font:inherit;padding:.5rem 1rem;border:0;border-radius:6px;background:#b3261e;color:#fff;cursor:pointer}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

async function target(s: Services, token: string): Promise<{ t: UnsubscribeTarget; name: string; address: string } | undefined> {
  const t = verifyUnsubscribe(token, await s.signingKey());
  if (!t) return undefined;
  const sub = await s.subscriptions.get(t.subscriptionId);
  const channel = sub?.channels.find((c) => c.id === t.channelId);
  if (!sub || !channel || channel.type !== 'email') return undefined;
  return { t, name: sub.name, address: channel.address };
}

export async function unsubscribeRoutes(app: FastifyInstance, s: Services): Promise<void> {
  const config = { auth: 'public' as const };
  app.get('/v1/unsubscribe/:token', { config, schema: routeSchema({ operationId: 'unsubscribePage', summary: 'Confirmation page for an unsubscribe link', tags, public: true, params, responses: { 404: 'invalid link' } }) },
    async (req, reply) => {
      const { token } = req.params as { token: string };
      const found = await target(s, token);
      if (!found) return page(reply, 404, 'Link not valid', '<p>This unsubscribe link is not valid (or the subscription is gone).</p>');
      return page(reply, 200, 'Unsubscribe', `<p>Stop sending alerts of <b dir="auto">${escapeHtml(found.name)}</b> to <b dir="auto">${escapeHtml(found.address)}</b>?</p>
<form method="post" action="/v1/unsubscribe/${escapeHtml(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`);
    });

  app.post('/v1/unsubscribe/:token', { config, schema: routeSchema({ operationId: 'unsubscribeOneClick', summary: 'RFC 8058 one-click unsubscribe (body List-Unsubscribe=One-Click)', tags, public: true, params, responses: { 404: 'invalid link' } }) },
    async (req, reply) => {
      const { token } = req.params as { token: string };
      const found = await target(s, token);
      if (!found) return page(reply, 404, 'Link not valid', '<p>This unsubscribe link is not valid.</p>');
      const sub = await s.subscriptions.get(found.t.subscriptionId);
      if (sub) {
        const channels = sub.channels.map((c) => (c.id === found.t.channelId && c.type === 'email' ? { ...c, unsubscribed: true } : c));
        await s.subscriptions.put({ ...sub, channels });
      }
      req.log.info({ event: 'subscription.unsubscribed', subscriptionId: found.t.subscriptionId, channelId: found.t.channelId }, 'email channel unsubscribed');
      return page(reply, 200, 'Unsubscribed', `<p><b dir="auto">${escapeHtml(found.address)}</b> will no longer receive alerts of <b dir="auto">${escapeHtml(found.name)}</b>.</p>`);
    });
}
