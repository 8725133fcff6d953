// Executable entry of the compiled CLI (bin/vigie.js imports it): runs `vigie` with this process's arguments.
import { main } from './main.js';

main(process.argv).catch((err: unknown) => {
  const e = err as { code?: string; message?: string; stack?: string };
  if (typeof e?.code === 'string' && /^[A-Z_]+$/.test(e.code)) console.error(`error ${e.code}: ${e.message}`);
  else console.error(e?.stack ?? String(err));
  process.exit(1);
});
