#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { poolSizeFor, restartWithPool } from '../dist/generator/threads.js';

const args = process.argv.slice(2);
// On a small machine a big spec runs faster with fewer V8 background threads, which only a new
// node process can have (generator/threads.ts).
const pool = poolSizeFor({ argv: args, cwd: process.cwd(), env: process.env, execArgv: process.execArgv });
if (pool !== undefined) {
  restartWithPool(pool, fileURLToPath(import.meta.url), args);
} else {
  const { main } = await import('../dist/generator/cli.js');
  process.exitCode = await main(args);
}
