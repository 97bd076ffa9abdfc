/**
 * Security requirements as the runtime checks them (templates/core/auth.ts): each names the
 * credentials one alternative needs. A mutualTLS scheme needs none from the client: the
 * certificate is presented by the transport (the `fetch` the user gives it), so it is left out of
 * the requirements, and one that needed only it needs nothing the client could refuse for.
 */
import type { IR, IRSecurityScheme } from '../ir/types.js';

/** Whether the client takes a credential for the scheme (an option and an environment variable): all but mutualTLS. */
export function hasClientOption(s: IRSecurityScheme): boolean {
  return s.type !== 'mutualTLS';
}

export function sentSecurity(ir: IR, requirements: readonly (readonly string[])[]): readonly (readonly string[])[] {
  const transport = new Set(ir.securitySchemes.filter((s) => !hasClientOption(s)).map((s) => s.key));
  return transport.size ? requirements.map((r) => r.filter((key) => !transport.has(key))) : requirements;
}
