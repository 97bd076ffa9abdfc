#!/usr/bin/env node
// openapi-typescript (with the TypeScript compiler) is the slowest thing lathe loads: for generate,
// its worker starts before the rest of lathe is even imported. (Not for check, which usually finds
// the output fresh from the manifest and needs no worker at all.)
const args = process.argv.slice(2);
const { prewarmWire } = await import('../dist/generator/emit/wire.js');
if (args[0] === 'generate') prewarmWire();
const { main } = await import('../dist/generator/cli.js');
process.exitCode = await main(args);
