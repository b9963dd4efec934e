#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` through `prepare`).
import('../dist/cli/entry.js').catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
