// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/** Chooses which configured credentials an operation gets, and how they go on the wire. */
import { AuthError, MissingCredentialsError } from './errors.js';
import type { OperationSpec, SecurityRequirement, SecurityScheme } from './types.js';

/** Scheme name -> secret. null, undefined and '' mean "not configured". */
export type Credentials = Readonly<Record<string, string | null | undefined>>;

export interface AuthConfig {
  readonly credentials: Credentials;
  readonly securitySchemes: Readonly<Record<string, SecurityScheme>>;
  /** The spec's top-level `security`, used by operations that do not declare their own. */
  readonly defaultSecurity?: readonly SecurityRequirement[] | undefined;
  /** Scheme name -> the client option that sets it, so errors tell users what to configure. */
  readonly credentialOptions?: Readonly<Record<string, string>> | undefined;
  /**
   * `all` (default): a security requirement is met only when every scheme in it is configured.
   * `any`: when none is fully met, the first requirement with at least one configured scheme is
   * sent with those schemes (Stainless SDKs send whatever credentials they have, and some specs
   * list alternatives such as key and token in one requirement).
   */
  readonly mode?: AuthMode | undefined;
}

export type AuthMode = 'all' | 'any';

/** What to add to a request to authenticate it. */
export interface AuthParams {
  readonly headers: Readonly<Record<string, string>>;
  readonly query: ReadonlyArray<readonly [string, string]>;
}

/**
 * Sends only the first security alternative that is fully configured, so a request never carries
 * more secrets than the operation needs; in `any` mode, failing that, the configured part of the
 * first alternative that has one. Throws MissingCredentialsError when there is nothing to send.
 */
export function authenticate(op: OperationSpec, config: AuthConfig): AuthParams {
  const requirements = op.security ?? config.defaultSecurity ?? [];
  if (requirements.length === 0 || requirements.some((requirement) => requirement.length === 0)) {
    return { headers: {}, query: [] };
  }
  const isConfigured = (name: string) =>
    !!config.credentials[name] && config.securitySchemes[name] !== undefined;
  const chosen =
    requirements.find((requirement) => requirement.every(isConfigured)) ??
    (config.mode === 'any'
      ? requirements.map((requirement) => requirement.filter(isConfigured)).find((part) => part.length > 0)
      : undefined);
  if (chosen === undefined) {
    const option = (name: string) => config.credentialOptions?.[name] ?? name;
    const alternatives = requirements
      .map((requirement) => requirement.map(option).join(config.mode === 'any' ? ' or ' : ' and '))
      .join(', or ');
    throw new MissingCredentialsError(op.id, `No credentials for operation ${op.id}: set ${alternatives}`);
  }

  const headers: Record<string, string> = {};
  const query: Array<[string, string]> = [];
  const cookies: string[] = [];
  for (const name of chosen) {
    const scheme = config.securitySchemes[name]!;
    const secret = config.credentials[name]!;
    if (scheme.type === 'apiKey') {
      if (scheme.in === 'header') headers[scheme.name] = secret;
      else if (scheme.in === 'query') query.push([scheme.name, secret]);
      else cookies.push(`${scheme.name}=${secret}`);
    } else if (scheme.type === 'http') {
      headers['Authorization'] = authorization(scheme.scheme, secret);
    } else {
      // oauth2 / openIdConnect: the configured credential is an access token.
      headers['Authorization'] = `Bearer ${secret}`;
    }
  }
  if (cookies.length > 0) headers['Cookie'] = cookies.join('; ');
  // Checked here because fetch's own "invalid header value" errors quote the value, i.e. the secret.
  for (const [header, value] of Object.entries(headers)) {
    if (!HEADER_SAFE.test(value)) {
      throw new AuthError(
        `Credentials for operation ${op.id} contain characters that cannot be sent in the ${header} header`,
      );
    }
  }
  return { headers, query };
}

/** Visible ASCII, space and tab: what every runtime accepts in a header value. */
const HEADER_SAFE = /^[\t\x20-\x7e]*$/;

function authorization(scheme: string, secret: string): string {
  switch (scheme.toLowerCase()) {
    case 'bearer':
      return `Bearer ${secret}`;
    case 'basic':
      // The credential is "user:password"; RFC 7617 wants it base64 encoded as UTF-8.
      return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(secret)))}`;
    default:
      return `${scheme} ${secret}`;
  }
}
