#!/usr/bin/env node
const { main } = await import('../dist/generator/cli.js');
process.exitCode = await main(process.argv.slice(2));
