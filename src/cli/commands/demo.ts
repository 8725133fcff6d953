// `vigie demo feed` and `vigie demo receiver`: a local news site and a webhook receiver, so a newcomer
// can watch the whole path (poll, extract, match, route, signed webhook) on one machine.
import type { Command } from 'commander';
import { configDir } from '../../config/config-dir.js';
import { loadDemoArticles } from '../../demo/demo-articles.js';
import { createDemoSite } from '../../demo/demo-site.js';
import { createDemoReceiver } from '../../demo/demo-receiver.js';
import { describe } from '../command-table.js';
import { cliIo, say } from '../cli-io.js';

export function register(program: Command): void {
  const demo = program.command('demo').description(describe('demo'));
  demo.command('feed')
    .description('serve a local RSS feed that publishes the demo articles (the Boukamal report in FR/EN/AR...) one by one')
    .option('--port <port>', 'port on 127.0.0.1', '8090')
    .option('--every <seconds>', 'seconds between two new articles', '15')
    .action(async (o: { port: string; every: string }) => {
      const articles = loadDemoArticles(configDir(cliIo().env.VIGIE_CONFIG_DIR));
      const origin = `http://127.0.0.1:${o.port}`;
      const site = createDemoSite(articles, () => origin);
      await site.app.listen({ port: Number(o.port), host: '127.0.0.1' });
      const first = site.publishNext();
      say(`demo feed: ${origin}/feed.xml (${articles.length} articles, one every ${o.every}s; first: ${first?.title})`);
      const timer = setInterval(() => {
        const a = site.publishNext();
        if (!a) { say('demo feed: all articles published; still serving (Ctrl-C to stop)'); clearInterval(timer); return; }
        say(`demo feed: published [${a.lang}] ${a.title}`);
      }, Number(o.every) * 1000);
    });
  demo.command('receiver')
    .description('receive webhooks on 127.0.0.1, check their Standard Webhooks signature and print each alert')
    .option('--port <port>', 'port on 127.0.0.1', '9000')
    .option('--secret <whsec>', 'the subscription\'s webhook secret (printed by `vigie subscriptions add`)')
    .action(async (o: { port: string; secret?: string }) => {
      const app = createDemoReceiver(o.secret, (line) => say(line));
      await app.listen({ port: Number(o.port), host: '127.0.0.1' });
      say(`demo receiver: POST http://127.0.0.1:${o.port}/hook${o.secret ? ' (signatures checked)' : ' (pass --secret to check signatures)'}`);
    });
}
