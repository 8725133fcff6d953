#!/usr/bin/env node
// Entry point for `npx vigie`: the compiled CLI lives in dist/ (built by `npm ci` through `prepare`).
import('../dist/src/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  console.error(err?.stack ?? String(err));
  process.exit(1);
});
