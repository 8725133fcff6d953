// A small news site on loopback: an RSS feed (with ETag / 304 support) and one HTML page per article.
// Tests publish articles into it and count what the worker fetched, to prove "exactly once".
import type http from 'node:http';
import { startHttpServer, type TestHttpServer } from './http-server.js';

export interface SiteArticle {
  slug: string;
  title: string;
  summary: string;
  paragraphs: string[];
  lang?: string;
  published?: string;
}

export interface NewsSite {
  server: TestHttpServer;
  feedUrl: string;
  articleUrl(slug: string): string;
  publish(a: SiteArticle): void;
  hits(path: string): number;
  /** When the feed was first served with this article in it (epoch ms, sub-millisecond precision). */
  firstServed(slug: string): number | undefined;
  /** The feed document as served now (without counting a hit): what a hub distributes. */
  feedXml(): string;
  /** Replace the feed handler's behaviour for the next requests (e.g. answer 500, stall). */
  setFeedOverride(fn: ((req: http.IncomingMessage, res: http.ServerResponse) => boolean) | undefined): void;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `hub`: the feed advertises this WebSub hub (atom:link rel="hub", and rel="self" naming the feed URL). */
export async function startNewsSite(opts: { host?: string; title?: string; fullContent?: boolean; hub?: string } = {}): Promise<NewsSite> {
  const articles: SiteArticle[] = [];
  const hitCount = new Map<string, number>();
  const served = new Map<string, number>();
  let version = 0;
  let override: ((req: http.IncomingMessage, res: http.ServerResponse) => boolean) | undefined;
  let origin = '';

  const feedXml = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${esc(opts.title ?? 'Loopback News')}</title><link>${origin}/</link><description>test</description>
${opts.hub ? `<atom:link rel="hub" href="${esc(opts.hub)}"/><atom:link rel="self" type="application/rss+xml" href="${origin}/feed.xml"/>` : ''}
${[...articles].reverse().map((a) => `<item><title>${esc(a.title)}</title><link>${origin}/articles/${a.slug}?utm_source=rss</link><guid isPermaLink="false">${a.slug}</guid><description>${esc(a.summary)}</description>${opts.fullContent ? `<content:encoded><![CDATA[${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}]]></content:encoded>` : ''}${a.published ? `<pubDate>${new Date(a.published).toUTCString()}</pubDate>` : ''}</item>`).join('\n')}
</channel></rss>`;

  const page = (a: SiteArticle) => `<!doctype html><html lang="${a.lang ?? 'en'}"${a.lang === 'ar' ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><title>${esc(a.title)} - Loopback News</title>
<meta property="og:title" content="${esc(a.title)}">${a.published ? `<meta property="article:published_time" content="${a.published}">` : ''}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${esc(a.title)}</h1>${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Unrelated story about markets</a></li><li><a href="/y">Weather tomorrow</a></li></ul></aside></main>
<footer>© Loopback News. All rights reserved. Contact us.</footer></body></html>`;

  const server = await startHttpServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hitCount.set(path, (hitCount.get(path) ?? 0) + 1);
    if (path === '/feed.xml') {
      if (override && override(req, res)) return;
      const etag = `"v${version}"`;
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }); res.end(); return; }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
      const now = performance.timeOrigin + performance.now();
      for (const a of articles) if (!served.has(a.slug)) served.set(a.slug, now);
      res.end(feedXml());
      return;
    }
    const m = /^\/articles\/([^/]+)$/.exec(path);
    const a = m ? articles.find((x) => x.slug === decodeURIComponent(m[1]!)) : undefined;
    if (a) { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(page(a)); return; }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }, opts.host);
  origin = server.origin;
  return {
    server,
    feedUrl: `${origin}/feed.xml`,
    articleUrl: (slug) => `${origin}/articles/${slug}`,
    publish: (a) => { articles.push(a); version += 1; },
    hits: (p) => hitCount.get(p) ?? 0,
    firstServed: (slug) => served.get(slug),
    feedXml,
    setFeedOverride: (fn) => { override = fn; },
    close: () => server.close(),
  };
}
