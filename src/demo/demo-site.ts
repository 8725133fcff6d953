// A local news site for demos: an RSS feed that gains one article every few seconds, and the article
// pages. Built on Fastify (the outbound gate stays the only HTTP client in vigie).
import Fastify, { type FastifyInstance } from 'fastify';
import type { DemoArticle } from './demo-articles.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface DemoSite { app: FastifyInstance; published(): number; publishNext(): DemoArticle | undefined }

export function createDemoSite(articles: DemoArticle[], origin: () => string): DemoSite {
  const app = Fastify({ logger: false });
  const live: Array<DemoArticle & { at: Date }> = [];
  app.get('/feed.xml', async (_req, reply) => {
    const items = [...live].reverse().map((a) => `<item><title>${esc(a.title)}</title><link>${origin()}/articles/${a.slug}</link><guid isPermaLink="false">${a.slug}</guid><description>${esc(a.paragraphs[0] ?? '')}</description><pubDate>${a.at.toUTCString()}</pubDate></item>`);
    reply.type('application/rss+xml; charset=utf-8');
    return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>vigie demo news</title><link>${origin()}/</link><description>Local demo feed</description>\n${items.join('\n')}\n</channel></rss>`;
  });
  app.get<{ Params: { slug: string } }>('/articles/:slug', async (req, reply) => {
    const a = live.find((x) => x.slug === req.params.slug);
    if (!a) return reply.code(404).send('not found');
    reply.type('text/html; charset=utf-8');
    return `<!doctype html><html lang="${a.lang}"${a.lang === 'ar' ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><title>${esc(a.title)}</title>
<meta property="article:published_time" content="${a.at.toISOString()}"></head><body><nav><a href="/">Accueil</a> · <a href="/monde">Monde</a></nav>
<article><h1>${esc(a.title)}</h1>${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</article><footer>vigie demo</footer></body></html>`;
  });
  let next = 0;
  return {
    app,
    published: () => live.length,
    publishNext: () => {
      const a = articles[next];
      if (!a) return undefined;
      next += 1;
      live.push({ ...a, at: new Date() });
      return a;
    },
  };
}
