// Where the vigie package sits on disk, found from this file (not from the cwd), and its shipped entity
// folder. Kept apart from load-entities.ts so a reader of the path alone loads no YAML or schema library.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VigieError } from '../core/errors/vigie-error.js';

/** The package root: the folder holding package.json. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  throw new VigieError('CONFIG_INVALID', 'config', 'cannot find the vigie package root');
}

export function defaultEntitiesDir(): string {
  return path.join(packageRoot(), 'config', 'entities');
}
