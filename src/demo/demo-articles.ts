// Reads the demo articles shipped in config/demo/articles.yaml (served by `vigie demo feed`).
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';

const schema = z.object({ articles: z.array(z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/), lang: z.enum(['en', 'fr', 'ar']), title: z.string(), paragraphs: z.array(z.string()).min(1),
}).strict()) }).strict();

export type DemoArticle = z.output<typeof schema>['articles'][number];

export function loadDemoArticles(configDir: string): DemoArticle[] {
  return schema.parse(YAML.parse(fs.readFileSync(path.join(configDir, 'demo', 'articles.yaml'), 'utf8'))).articles;
}
