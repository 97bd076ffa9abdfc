/** Types of mutate.mjs, for the TypeScript tests that reuse its helpers. */
export const WEIRD_NAMES: string[];
export const INJECTIONS: string[];
/** `depth` levels of one keyword (anyOf, items, properties, ..., or arrays in an `example`) around a string schema. */
export function nest(how: string, depth: number): Record<string, unknown>;
/** JSON.stringify without recursion (10,000 levels overflow V8's own). */
export function compactJson(root: unknown): string;
export function paths(doc: unknown, cap?: number): (string | number)[][];
export function ptr(p: readonly (string | number)[]): string;
export function mutant(
  seeds: readonly { name: string; doc: unknown; files?: Record<string, string>; config?: string }[],
  seed: number,
  index: number,
  stringifyYaml: (doc: unknown) => string,
): { seed: string; text: string; yaml: boolean; steps: string[]; files?: Record<string, string>; config?: string };
