#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 compiles a function with its optimizing compiler once the function has run a set amount of
// bytecode (its interrupt budget). A lathe run is a few seconds of many different functions, most
// of them warm rather than hot: at node's default budget V8 spent ~1.9 CPU-s compiling on its
// background threads in a cold run on Cloudflare's spec (40 % of the run's CPU), for code that ran
// little after. At four times node 20's budget that is ~0.85 CPU-s and the pipeline's own thread
// is as fast (BENCHMARKS.md, sixth session). V8 has had the flag for years; its default moves
// (132 KB in later V8s, twice node 20's). A budget given to node on its command line is kept.
if (!process.execArgv.some((arg) => arg.startsWith('--interrupt-budget'))) setFlagsFromString('--interrupt-budget=270336');

const { main } = await import('../dist/generator/cli.js');
process.exitCode = await main(process.argv.slice(2));
