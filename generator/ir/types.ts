/**
 * The intermediate representation: a version-neutral model of the API that every emitter reads.
 * Emitters never see raw spec objects. Every node keeps its Loc for diagnostics.
 */
import type { Loc } from '../diagnostics.js';

/** What the spec says about a value besides its type: it ends up in JSDoc and docs. */
export interface SchemaDocs {
  readonly title?: string;
  readonly description?: string;
  readonly format?: string;
  readonly deprecated?: boolean;
  /** Present (possibly `null`) when the spec gives one. */
  readonly default?: { readonly value: unknown };
  readonly example?: { readonly value: unknown };
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
  readonly constraints?: Constraints;
}

export interface Constraints {
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly minProperties?: number;
  readonly maxProperties?: number;
}

export interface IRProperty {
  readonly name: string;
  readonly required: boolean;
  readonly schema: IRSchema;
}

interface SchemaBase {
  readonly loc: Loc;
  readonly docs: SchemaDocs;
}

/** A schema, tagged by `kind`. */
export type IRSchema =
  | (SchemaBase & { readonly kind: 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'unknown' | 'never' })
  /** Binary content (format: binary in bodies): Blob on the wire. */
  | (SchemaBase & { readonly kind: 'binary' })
  | (SchemaBase & { readonly kind: 'literal'; readonly value: string | number | boolean | null })
  | (SchemaBase & { readonly kind: 'array'; readonly items: IRSchema })
  | (SchemaBase & { readonly kind: 'tuple'; readonly items: readonly IRSchema[]; readonly rest?: IRSchema })
  | (SchemaBase & {
      readonly kind: 'object';
      readonly properties: readonly IRProperty[];
      /** Index signature value type (additionalProperties / patternProperties). */
      readonly additional?: IRSchema;
    })
  | (SchemaBase & { readonly kind: 'union'; readonly members: readonly IRSchema[] })
  | (SchemaBase & { readonly kind: 'intersection'; readonly members: readonly IRSchema[] })
  /** A named model (see IR.models), by id. */
  | (SchemaBase & { readonly kind: 'ref'; readonly model: string });


/** A schema that gets its own exported name. */
export interface IRModel {
  /** `file#pointer` of the schema: unique. */
  readonly id: string;
  readonly name: string;
  readonly schema: IRSchema;
  readonly loc: Loc;
  /** Module (relative to src/, no extension) that declares it. */
  readonly module: string;
}

export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

export interface IRParam {
  readonly name: string;
  readonly in: ParamLocation;
  readonly required: boolean;
  readonly schema: IRSchema;
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  readonly loc: Loc;
}

export type BodyEncoding = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export interface IRBody {
  readonly mediaType: string;
  readonly encoding: BodyEncoding;
  readonly required: boolean;
  /** `x-stainless-param`: the params field holding a body that is not spread (default `body`). */
  readonly paramName?: string;
  readonly schema: IRSchema;
  readonly description?: string;
  readonly loc: Loc;
}

/** One field of a method's params object (path, query, header and body fields in one object). */
export interface IRField {
  readonly name: string;
  readonly origin: ParamLocation | 'body';
  readonly required: boolean;
  readonly schema: IRSchema;
  /** The field's own description (a param's, or the body property's). */
  readonly description?: string;
  readonly deprecated?: boolean;
  /** How a parameter is serialized, as the spec says (OpenAPI's defaults apply when absent). */
  readonly style?: string;
  readonly explode?: boolean;
  /**
   * Query params with dotted names (`action.type`) nested into this field (`action: { type }`):
   * each is sent under its own name, its value read from `path` inside this field's value.
   */
  readonly dotted?: readonly DottedParam[];
}

export interface DottedParam {
  readonly name: string;
  readonly path: readonly string[];
  readonly style?: string;
  readonly explode?: boolean;
}

export type Pagination = 'single' | 'v4page';

export interface IROperation {
  /** operationId, or `method path` when the spec has none. */
  readonly id: string;
  readonly loc: Loc;
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';
  readonly path: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly tags: readonly string[];
  /** Permissions that may call it, from the extension the config names (`docs.permissionsExtension`). */
  readonly permissions: readonly string[];
  /** Undefined: the document's security applies. */
  readonly security?: readonly (readonly string[])[];
  /** The Accept header when the success responses declare more than JSON: their media types, comma-separated. */
  readonly accept?: string;
  /** How the body is sent; its schema is in `fields` (or the `bodyField`). */
  readonly body?: Pick<IRBody, 'mediaType' | 'encoding'> & {
    /**
     * A required JSON body the spec gives no schema (`application/json: {}`): `{}` is sent when the
     * caller passes none, since the request must have a body.
     */
    readonly emptyObject?: true;
  };
  // No `params` and `responses` either: ir turns them into `fields` and `returns`. Emitters see
  // nothing else, and every byte here is hashed again for the emit cache on each run.

  // The SDK surface, decided by ir/naming.
  readonly methodName: string;
  /** The positional argument: the last path param not excluded by config. */
  readonly positional?: { readonly param: IRParam; readonly tsName: string };
  /** Name of the params interface; undefined when the method takes no params object. */
  readonly paramsType?: string;
  readonly fields: readonly IRField[];
  /**
   * A body that is a union of objects: each member's body fields. The params type is then one
   * variant per member (the non-body fields in each); `fields` holds the first member's.
   */
  readonly bodyVariants?: readonly (readonly IRField[])[];
  /** A non-object (or array) body is passed whole as the `body` field. */
  readonly bodyField?: string;
  readonly paramsRequired: boolean;
  /** What the method resolves to: the unwrapped envelope field or the whole body. */
  readonly returns: IRReturn;
  readonly builderName: string;
}

export interface IRReturn {
  /** Undefined: no content (void). */
  readonly schema?: IRSchema;
  /** Envelope property returned instead of the body. */
  readonly unwrap?: string;
  /** The whole success body schema, envelope included (docs show it). */
  readonly body?: IRSchema;
  readonly mediaType?: string;
  readonly pagination?: Pagination;
  /** Name of the response type when it is emitted as its own declaration (`MessageDeleteResponse`). */
  readonly typeName?: string;
  /** Paged: the item type's own name when no config model names the item (`AssetCreateResponse`). */
  readonly itemTypeName?: string;
  /** Paged: the page class the method resolves to, named after its items (`MessagesSinglePage`). */
  readonly pageClass?: string;
}

export interface IRResource {
  /** Config key path, snake_case: ['cloudforce_one', 'requests', 'message']. */
  readonly keys: readonly string[];
  /** Property on the parent (`cloudforceOne`). */
  readonly propertyName: string;
  readonly className: string;
  /** Module path relative to src/, no extension: `resources/cloudforce-one/requests/message`. */
  readonly module: string;
  readonly operations: readonly IROperation[];
  readonly children: readonly IRResource[];
  /** Ids of the models this resource declares. */
  readonly models: readonly string[];
}

export interface IRSecurityScheme {
  readonly key: string;
  readonly type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  readonly in?: 'header' | 'query' | 'cookie';
  /** Header/query/cookie name for apiKey. */
  readonly name?: string;
  /** http scheme (bearer, basic). */
  readonly scheme?: string;
  readonly description?: string;
  /** From config, or derived. */
  readonly option: string;
  readonly env: string;
  readonly title: string;
  readonly example: string;
}

/** One operation of an OpenAPI 3.1 `webhooks` entry: a request the API sends to the user's server. */
export interface IRWebhook {
  /** The key under `#/webhooks`. */
  readonly name: string;
  readonly method: IROperation['method'];
  readonly loc: Loc;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /** Name of the payload type (`NewPetEvent`); undefined when the webhook has no body. */
  readonly payloadType?: string;
  readonly payload?: { readonly schema: IRSchema; readonly mediaType: string; readonly required: boolean; readonly description?: string };
  /** Name of the headers interface (`NewPetEventHeaders`); undefined when it declares no header params. */
  readonly headersType?: string;
  readonly headers: readonly IRField[];
}

/** The SDK's webhook types: one module (exported from the package root), one entry per webhook operation. */
export interface IRWebhooks {
  /** Module path relative to src/, no extension: `resources/webhooks`. */
  readonly module: string;
  readonly hooks: readonly IRWebhook[];
}

export interface IR {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  readonly baseURL: string;
  readonly security: readonly (readonly string[])[];
  readonly securitySchemes: readonly IRSecurityScheme[];
  readonly resources: readonly IRResource[];
  /** Undefined when the document has no webhooks lathe could type. */
  readonly webhooks?: IRWebhooks;
  readonly models: ReadonlyMap<string, IRModel>;
  readonly client: {
    readonly className: string;
    readonly baseURLEnv: string;
    /** Config `client.defaultHeaders`: sent with every request. */
    readonly defaultHeaders?: Readonly<Record<string, string>>;
    /** Config `client.environments`, in order: the first is `baseURL`, the client's `environment` option picks another. */
    readonly environments?: readonly (readonly [name: string, url: string])[];
    readonly packageName: string;
    readonly packageVersion: string;
    readonly packageDescription: string;
  };
  readonly envelope?: { readonly result?: string; readonly success?: string; readonly errors?: string };
  /** `false` when the config turns the wire types (`src/openapi.ts`) off. */
  readonly wireTypes?: false;
  /** Config `validation: strict`: builders check path params' pattern and lengths too. */
  readonly strictValidation?: true;
  /** Config `authMode: any`: a security requirement is met by any of its configured schemes. */
  readonly anyAuth?: true;
  /** Config `docs.readmeExample`: the operation (and params) of the package README's example call. */
  readonly readmeExample?: { readonly method: IROperation['method']; readonly path: string; readonly params?: Readonly<Record<string, unknown>> };
}
