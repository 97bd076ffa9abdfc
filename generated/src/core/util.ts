// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/** A non-null, non-array object, i.e. something whose properties can be read by name. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
