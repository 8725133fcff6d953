// Where vigie keeps files it can always rebuild (the compiled matcher's snapshot): VIGIE_CACHE_DIR, else
// $XDG_CACHE_HOME/vigie (XDG Base Directory spec: a relative value is invalid and ignored), else
// ~/.cache/vigie. Takes the environment as a value; reads nothing.
import path from 'node:path';

export function cacheDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  if (env.VIGIE_CACHE_DIR) return path.resolve(env.VIGIE_CACHE_DIR);
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'vigie');
  return path.join(home, '.cache', 'vigie');
}
