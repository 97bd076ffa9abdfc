#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 settings for lathe's kind of run, where this node's V8 has them (generator/v8-flags.ts). Set
// before the generator loads: V8 applies them to the code it compiles from then on.
const { startupFlags } = await import('../dist/generator/v8-flags.js');
for (const flag of startupFlags()) setFlagsFromString(flag);

const { main } = await import('../dist/generator/cli.js');
process.exitCode = await main(process.argv.slice(2));
