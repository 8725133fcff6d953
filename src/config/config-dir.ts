// Where the shipped config lives: VIGIE_CONFIG_DIR when set, else the package's own config/ folder
// (found from this file's location, so `npx vigie` works from any working directory).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: this file is at <root>/dist/src/config/config-dir.js once compiled. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function configDir(override?: string): string {
  return override ? path.resolve(override) : path.join(packageRoot, 'config');
}
