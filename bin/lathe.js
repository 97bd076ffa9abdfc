#!/usr/bin/env node
// openapi-typescript (with the TypeScript compiler) is the slowest thing lathe loads: its worker
// starts before the rest of lathe is even imported.
import { prewarmWire } from '../dist/generator/emit/wire.js';

const args = process.argv.slice(2);
if (args[0] === 'generate' || args[0] === 'check') prewarmWire();
const { main } = await import('../dist/generator/cli.js');
process.exitCode = await main(args);
