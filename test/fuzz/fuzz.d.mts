/** Types of fuzz.mjs, for the vitest file that runs it. */
export interface FuzzSeed {
  readonly name: string;
  readonly doc: unknown;
  readonly files?: Record<string, string>;
  readonly config?: string;
}
export interface FuzzFailure {
  readonly kind: 'crash' | 'miscompile' | 'wire' | 'unlocated' | 'hang';
  readonly index: number;
  readonly seed: string;
  readonly steps: string[];
  readonly detail: string;
}
export interface FuzzCounts {
  mutants: number;
  accepted: number;
  refused: number;
  crashes: number;
  miscompiles: number;
  /** Outputs whose only tsc errors are in src/openapi.ts, openapi-typescript's output. */
  wireMiscompiles: number;
  unlocated: number;
  hangs: number;
}
export interface FuzzResult {
  readonly index: number;
  readonly status: 'ok' | 'refused' | 'crash' | 'hang';
  readonly text: string;
  readonly yaml: boolean;
}
export const ROOT: string;
export const FIXTURE_SEEDS: string[];
export const CORPUS_SEEDS: string[];
export function loadSeeds(files: readonly string[], base?: string): FuzzSeed[];
export function fuzz(options: {
  seeds: readonly FuzzSeed[];
  seed?: number;
  count?: number;
  only?: number;
  dir: string;
  timeoutMs?: number;
  batch?: number;
  log?: (line: string) => void;
}): Promise<{ counts: FuzzCounts; failures: FuzzFailure[]; results: FuzzResult[] }>;
