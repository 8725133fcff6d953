// The real pages of the shared article corpus (readability, newspaper4k, trafilatura fr/ar) with the
// URL each is extracted under: the page set the extraction speed benches share. Reads files only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CorpusPage { name: string; url: string; html: string }

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = path.join(repoRoot, '..', 'shared', 'corpus', 'articles');

export function corpusPages(): CorpusPage[] {
  const out: CorpusPage[] = [];
  const rd = path.join(corpus, 'readability');
  for (const name of fs.readdirSync(rd).sort()) {
    out.push({ name: `readability/${name}`, url: 'http://fakehost/test/page.html', html: fs.readFileSync(path.join(rd, name, 'source.html'), 'utf8') });
  }
  const np = path.join(corpus, 'newspaper4k');
  for (const file of fs.readdirSync(path.join(np, 'html')).sort()) {
    const name = file.replace(/\.html$/, '');
    const metaFile = path.join(np, 'metadata', `${name}.json`);
    const url = fs.existsSync(metaFile) ? (JSON.parse(fs.readFileSync(metaFile, 'utf8')) as { url?: string }).url : undefined;
    out.push({ name: `newspaper4k/${name}`, url: url || 'http://example.com/article.html', html: fs.readFileSync(path.join(np, 'html', file), 'utf8') });
  }
  const td = path.join(corpus, 'trafilatura-eval-fr-ar');
  const data = JSON.parse(fs.readFileSync(path.join(td, 'evaldata-fr-ar.json'), 'utf8')) as Record<string, { file: string }>;
  for (const [url, e] of Object.entries(data)) {
    out.push({ name: `trafilatura/${e.file}`, url, html: fs.readFileSync(path.join(td, 'html', e.file), 'utf8') });
  }
  return out;
}
