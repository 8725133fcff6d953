// `sources import` for the CLI and the API: parses an OPML file, plans it against the stored sources,
// puts every new URL through the rule `sources add` applies (checkTargetUrl), then saves and schedules;
// a source already there only takes the file's categories as its tags (its state and schedule are kept).
// A file that cannot be read is refused whole (VigieError with its line); single entries are reported.
import { checkTargetUrl } from '../config/check-target-url.js';
import { isVigieError } from '../core/errors/vigie-error.js';
import { parseOpml } from '../core/sources/parse-opml.js';
import { planImport, type DuplicateEntry, type InvalidEntry } from '../core/sources/plan-import.js';
import type { Services } from '../runtime/create-services.js';
import { scheduleSource } from './apply-config.js';

export interface AddedEntry { line: number; id: string; url: string; name: string; tags: string[] }
export interface UpdatedEntry { line: number; id: string; url: string; tags: string[]; previousTags: string[] }

export interface ImportReport {
  added: AddedEntry[];
  /** Already a source, listed under other categories: its tags are now the file's. */
  updated: UpdatedEntry[];
  /** Already a source with these tags (or listed earlier in the same file): left as it is. */
  skipped: DuplicateEntry[];
  refused: InvalidEntry[];
}

export async function importSources(s: Services, opml: string, opts: { intervalSeconds?: number } = {}): Promise<ImportReport> {
  const { outlines } = parseOpml(opml);
  const plan = planImport(await s.sources.list(), outlines, opts);
  const report: ImportReport = { added: [], updated: [], skipped: plan.duplicates, refused: [...plan.invalid] };
  for (const { line, source } of plan.add) {
    try {
      checkTargetUrl(source.url, 'source', s.urlPolicy, `line ${line} xmlUrl`);
    } catch (err) {
      if (!isVigieError(err)) throw err;
      report.refused.push({ line, url: source.url, code: err.code, message: err.message });
      continue;
    }
    await s.sources.put(source);
    await scheduleSource(s, source);
    report.added.push({ line, id: source.id, url: source.url, name: source.name, tags: source.tags ?? [] });
  }
  for (const { line, url, source, tags } of plan.retag) {
    await s.sources.put({ ...source, tags }); // the config record only: poll state and schedule are kept apart
    report.updated.push({ line, id: source.id, url, tags, previousTags: source.tags ?? [] });
  }
  report.refused.sort((a, b) => a.line - b.line);
  s.log.info({ event: 'sources.import.done', added: report.added.length, updated: report.updated.length, skipped: report.skipped.length, refused: report.refused.length }, 'OPML import');
  return report;
}
