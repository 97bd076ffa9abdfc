// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/**
 * Reads an environment variable in any runtime without depending on Node's types: `process.env` in
 * Node/Bun, `Deno.env` in Deno, nothing in browsers and workers. Blank values count as unset so that
 * `FOO_API_KEY=""` behaves like a missing key.
 */
export function readEnv(name: string): string | undefined {
  const runtime = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get?(name: string): string | undefined } };
  };
  let value: string | undefined;
  try {
    value = runtime.process?.env?.[name] ?? runtime.Deno?.env?.get?.(name);
  } catch {
    // Deno throws when the env permission is not granted; that is the same as unset.
    return undefined;
  }
  return value?.trim() || undefined;
}
