#!/usr/bin/env node
// Entry point for `npx vigie`: the compiled CLI lives in dist/ (built by `npm ci` through `prepare`).
import '../dist/src/cli/run.js';
