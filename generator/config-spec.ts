/**
 * The config's checks against the spec (security scheme names in `auth`, `resources` methods and
 * models, operations `resources` leaves out), run for a config that already has shape errors, so
 * one run reports both kinds. They live in ir (buildIR), which reads the well-formed part of the
 * config as it would a valid one; only its diagnostics about the config file are kept.
 */
import { resolve } from 'node:path';
import { placeInConfig, type LatheConfig } from './config.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { coreExportNames } from './emit/templates.js';
import { buildIR } from './ir/index.js';
import { loadSpec } from './load/index.js';
import type { SpecHost } from './load/types.js';

export interface SpecCheckInput {
  readonly specPath: string;
  readonly host: SpecHost;
  readonly cwd: string;
  /** What the well-formed keys of the config say (ConfigResult.partial). */
  readonly partial: LatheConfig;
  /** The config's shape errors: no key they are about is checked against the spec. */
  readonly shapeErrors: readonly Diagnostic[];
}

/**
 * The shape errors and the problems found against the spec, in the config file's order. Only the
 * shape errors when the spec itself does not load: its own errors are reported once the config is
 * fixed.
 */
export async function everyConfigProblem(input: SpecCheckInput): Promise<Diagnostic[]> {
  const { partial } = input;
  const loaded = await loadSpec(input.specPath, {
    host: input.host,
    cwd: input.cwd,
    allowedRoots: partial.refRoots.map((r) => resolve(partial.dir, r)),
  });
  if (!loaded.spec || hasErrors(loaded.diagnostics)) return [...input.shapeErrors];
  const broken = input.shapeErrors.flatMap((d) => (d.loc ? [d.loc.pointer] : []));
  // A broken `leftOutOperations` says nothing about how left-out operations should be reported.
  const config = broken.includes('#/leftOutOperations') ? { ...partial, leftOutOperations: 'ignore' as const } : partial;
  const found = buildIR(loaded.spec, config, coreExportNames())
    .diagnostics.filter((d) => d.loc?.file === partial.file && !broken.some((b) => related(b, d.loc!.pointer)))
    .map((d) => placeInConfig(partial, d));
  // A stable sort: diagnostics without a line (the programmatic API's object configs) keep their order.
  return [...input.shapeErrors, ...found].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The same key, or one inside the other: a check of either depends on the broken one's shape. */
function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
