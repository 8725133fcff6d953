// Where the repository and the shared corpus are, from a compiled test file's location.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  // dist*/test/... -> walk up until the folder that holds package.json
  let dir = start;
  for (let i = 0; i < 6; i += 1) {
    if (path.basename(path.dirname(dir)).startsWith('dist') === false && path.basename(dir).startsWith('dist')) {
      return path.dirname(dir);
    }
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find repo root from ${start}`);
}

export const repoRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
/** ../shared next to the checkout, else the nearest shared/ further up (a git worktree). */
function findShared(): string {
  let dir = path.resolve(repoRoot, '..');
  for (let i = 0; i < 4; i += 1) {
    if (fs.existsSync(path.join(dir, 'shared', 'corpus'))) return path.join(dir, 'shared');
    dir = path.dirname(dir);
  }
  return path.resolve(repoRoot, '..', 'shared');
}
export const sharedDir = findShared();
export const corpusDir = path.join(sharedDir, 'corpus');
