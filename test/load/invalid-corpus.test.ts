import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/diagnostics.js';
import { fsHost, loadSpec } from '../../generator/load/index.js';

/**
 * Every malformed input of the shared corpus (copied into test/fixtures/invalid), with every
 * diagnostic the loader gives for it. Lines and columns were read off the fixtures: a member's
 * position is its key, an array item's is the item.
 */
const dir = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));

interface Case {
  /** The entry file, relative to the fixture folder. */
  readonly file: string;
  /** True when the problems are only warnings (a documented lenient reading): the spec loads. */
  readonly loads: boolean;
  readonly diagnostics: readonly string[];
}

const cases: Case[] = [
  {
    file: 'heyapi-operationId-unique.yaml',
    loads: false,
    diagnostics: [
      'heyapi-operationId-unique.yaml:4:3: warning: `info.version` is the number 1, not a string; quote it so it is kept as written (at #/info/version)',
      "heyapi-operationId-unique.yaml:17:7: error: duplicate operationId 'foo' (also at #/paths/~1foo/get/operationId) (at #/paths/~1foo/post/operationId)",
    ],
  },
  {
    file: 'heyapi-type-invalid.json',
    loads: false,
    diagnostics: [
      "heyapi-type-invalid.json:10:9: error: `type` 'invalid' is not one of string, number, integer, boolean, object, array, null (at #/components/schemas/Foo/type)",
    ],
  },
  {
    file: 'jsrp-invalid.json',
    loads: false,
    // The file is `{` and a newline: the error is at the end, line 2.
    diagnostics: ["jsrp-invalid.json:2:1: error: invalid JSON: Expected property name or '}'"],
  },
  {
    file: 'jsrp-invalid.yaml',
    loads: false,
    diagnostics: [
      'jsrp-invalid.yaml:2:1: error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  },
  {
    file: 'mermade-duplicateParameter.yaml',
    loads: false,
    diagnostics: [
      "mermade-duplicateParameter.yaml:15:9: error: duplicate parameter 'test' (in: query); it is already defined at #/paths/~1test/get/parameters/0 (at #/paths/~1test/get/parameters/1)",
    ],
  },
  {
    file: 'mermade-fuzz1-2a6f7ecf-2d04-4668-aa68-84a1705dec4a.yaml',
    loads: true,
    diagnostics: [
      'mermade-fuzz1-2a6f7ecf-2d04-4668-aa68-84a1705dec4a.yaml:1:1: warning: missing `info` (title and version); lathe uses placeholders (at #)',
    ],
  },
  {
    file: 'mermade-missingPathItemRef.yaml',
    loads: false,
    diagnostics: [
      "mermade-missingPathItemRef.yaml:11:5: error: $ref 'missing.yaml#/paths/someresource' points to a file that does not exist: missing.yaml (at #/paths/~1test/$ref)",
    ],
  },
  {
    file: 'mermade-pathitem-property.yaml',
    loads: true,
    diagnostics: [
      'mermade-pathitem-property.yaml:7:5: warning: unknown field `GET` in a Path Item (methods are lower-case); the operation is ignored (at #/paths/~1/GET)',
    ],
  },
  {
    file: 'mermade-refAsInteger.yaml',
    loads: false,
    diagnostics: ['mermade-refAsInteger.yaml:9:7: error: $ref must be a string, not a number (at #/components/schemas/mySchema/$ref)'],
  },
  {
    file: 'oai-invalid_schema_types.yaml',
    loads: false,
    diagnostics: [
      'oai-invalid_schema_types.yaml:10:5: error: a schema must be an object or a boolean, not null (at #/components/schemas/invalid_null)',
      'oai-invalid_schema_types.yaml:11:5: error: a schema must be an object or a boolean, not a number (at #/components/schemas/invalid_number)',
      'oai-invalid_schema_types.yaml:12:5: error: a schema must be an object or a boolean, not an array (at #/components/schemas/invalid_array)',
    ],
  },
  {
    file: 'oai-servers.yaml',
    loads: false,
    diagnostics: ['oai-servers.yaml:9:1: error: `servers` must be an array of Server Objects, not an object (at #/servers)'],
  },
  {
    file: 'openapi-spec-validator-missing-description.yaml',
    loads: true,
    // The unquoted `200:` key is fine: keys are read as strings.
    diagnostics: [
      'openapi-spec-validator-missing-description.yaml:14:9: warning: response has no `description` (OpenAPI requires one) (at #/paths/~1/get/responses/200)',
    ],
  },
  {
    file: 'openapi-spec-validator-property-missing-reference.yaml',
    loads: false,
    diagnostics: [
      "openapi-spec-validator-property-missing-reference.yaml:14:11: error: $ref '<some-broken-uri>' is not a valid URI reference (at #/components/schemas/SomeDataType/properties/prop1/$ref)",
    ],
  },
  {
    file: 'redocly-no-enum-type-mismatch-error.yaml',
    loads: true,
    // Lenient: mismatched enum values are warnings (real specs have unquoted numbers in string enums).
    diagnostics: [
      'redocly-no-enum-type-mismatch-error.yaml:4:3: warning: `info.version` is the number 1, not a string; quote it so it is kept as written (at #/info/version)',
      'redocly-no-enum-type-mismatch-error.yaml:10:9: warning: response has no `description` (OpenAPI requires one) (at #/paths/~1ping/get/responses/200)',
      'redocly-no-enum-type-mismatch-error.yaml:21:21: warning: enum value "string" does not match the schema\'s type (integer, array) (at #/paths/~1ping/get/responses/200/content/application~1json/schema/enum/3)',
      'redocly-no-enum-type-mismatch-error.yaml:25:9: warning: response has no `description` (OpenAPI requires one) (at #/paths/~1pong/get/responses/200)',
      'redocly-no-enum-type-mismatch-error.yaml:32:21: warning: enum value "string" does not match the schema\'s type (integer) (at #/paths/~1pong/get/responses/200/content/application~1json/schema/enum/1)',
    ],
  },
  {
    file: 'redocly-no-unresolved-refs-error.yaml',
    loads: false,
    diagnostics: [
      'redocly-no-unresolved-refs-error.yaml:4:3: warning: `info.version` is the number 1, not a string; quote it so it is kept as written (at #/info/version)',
      "redocly-no-unresolved-refs-error.yaml:19:17: error: $ref '#/components/schemas/ApiResponse' does not resolve (at #/paths/~1pet~1findByStatus/get/responses/200/content/application~1json/schema/$ref)",
    ],
  },
  {
    file: 'redocly-oas3.2-openapi.yaml',
    loads: true,
    // Documented in version.ts: 3.2 is read as 3.1 with a warning; 3.2-only fields are ignored.
    diagnostics: [
      'redocly-oas3.2-openapi.yaml:1:1: warning: OpenAPI 3.2.0 is newer than lathe supports; reading it as 3.1 (features added after 3.1 are ignored) (at #/openapi)',
      'redocly-oas3.2-openapi.yaml:39:5: warning: operation has no `responses`; its result is typed as unknown (at #/paths/~1giftcards/get)',
      'redocly-oas3.2-openapi.yaml:45:5: warning: `additionalOperations` (OpenAPI 3.2) is not supported; ignored (at #/paths/~1products/additionalOperations)',
      'redocly-oas3.2-openapi.yaml:49:5: warning: `query` (OpenAPI 3.2) is not supported; ignored (at #/paths/~1products/query)',
    ],
  },
  {
    file: 'redocly-path-declaration-must-exist-error.yaml',
    loads: false,
    diagnostics: [
      "redocly-path-declaration-must-exist-error.yaml:14:3: error: path '/api/user/{}/profie' has an empty template `{}`; name the parameter (at #/paths/~1api~1user~1{}~1profie)",
    ],
  },
  {
    file: 'redocly-path-parameters-defined-error.yaml',
    loads: true,
    diagnostics: [
      'redocly-path-parameters-defined-error.yaml:4:3: warning: `info.version` is the number 1, not a string; quote it so it is kept as written (at #/info/version)',
      "redocly-path-parameters-defined-error.yaml:8:5: warning: path '/user/{id}' has `{id}` but GET defines no path parameter 'id'; treated as a required string (at #/paths/~1user~1{id}/get)",
      "redocly-path-parameters-defined-error.yaml:10:11: warning: path parameter 'test' does not appear in the path '/user/{id}'; it is ignored (at #/paths/~1user~1{id}/get/parameters/0)",
    ],
  },
  {
    file: 'redocly-spec-strict-refs/openapi.yaml',
    loads: true,
    // Lenient: refs where OpenAPI allows none are followed, with a warning each.
    diagnostics: [
      'redocly-spec-strict-refs/openapi.yaml:6:3: warning: `info` is a $ref, which OpenAPI does not allow here; lathe follows it (at #/info/$ref)',
      'redocly-spec-strict-refs/openapi.yaml:20:19: warning: `properties` is a $ref, which OpenAPI does not allow here (it maps names to schemas); lathe follows it (at #/paths/~1pet/get/responses/200/content/application~1json/schema/properties/$ref)',
    ],
  },
  {
    file: 'redocly-wrong-required-type.yaml',
    loads: true,
    diagnostics: [
      "redocly-wrong-required-type.yaml:12:11: warning: `required` must be an array of property names, not a boolean; to make a property required, list its name in the object schema's `required`; ignored (at #/components/schemas/BugDemo/properties/id/required)",
    ],
  },
  {
    file: 'swagger-parser-blank',
    loads: false,
    diagnostics: ['swagger-parser-blank: error: file is empty'],
  },
  {
    file: 'swagger-parser-duplicate-operation-ids.yaml',
    loads: false,
    diagnostics: [
      "swagger-parser-duplicate-operation-ids.yaml:14:7: error: duplicate operationId 'users' (also at #/paths/~1users/get/operationId) (at #/paths/~1users/post/operationId)",
    ],
  },
  {
    file: 'swagger-parser-invalid-response-code.yaml',
    loads: false,
    diagnostics: [
      "swagger-parser-invalid-response-code.yaml:10:9: error: response key 'foobar' is not a status code (200), a range (2XX) or `default` (at #/paths/~1users/get/responses/foobar)",
    ],
  },
  {
    file: 'swagger-parser-no-paths-or-webhooks.yaml',
    loads: true,
    diagnostics: [
      'swagger-parser-no-paths-or-webhooks.yaml:1:1: warning: `openapi` should be a full version such as "3.1.0"; reading \'3.1\' as 3.1 (at #/openapi)',
      'swagger-parser-no-paths-or-webhooks.yaml:1:1: warning: no `paths`, `components` or `webhooks`: there is nothing to generate (at #)',
    ],
  },
  {
    file: 'swagger-parser-not-swagger.yaml',
    loads: false,
    diagnostics: ['swagger-parser-not-swagger.yaml:1:1: error: not an OpenAPI document: no `openapi` or `swagger` field (at #)'],
  },
  {
    file: 'swagger-parser-numeric-version.yaml',
    loads: false,
    diagnostics: [
      'swagger-parser-numeric-version.yaml:1:1: error: `swagger` must be the string "2.0", not the number 2 (quote it: swagger: "2.0") (at #/swagger)',
    ],
  },
  {
    file: 'swagger-parser-old-version.yaml',
    loads: false,
    diagnostics: [
      'swagger-parser-old-version.yaml:1:1: error: Swagger \'1.2\' is not supported; lathe reads Swagger "2.0" and OpenAPI 3.0 and 3.1 (at #/swagger)',
    ],
  },
  {
    file: 'swagger-parser-page.html',
    loads: false,
    diagnostics: ['swagger-parser-page.html:1:1: error: this is an HTML or XML page, not an OpenAPI document (JSON or YAML)'],
  },
  {
    file: 'swagger-parser-path-placeholder-no-param.yaml',
    loads: true,
    // `foo` is a body parameter, which does not fill `{foo}`.
    diagnostics: [
      "swagger-parser-path-placeholder-no-param.yaml:17:5: warning: path '/users/{username}/{foo}' has `{foo}` but GET defines no path parameter 'foo'; treated as a required string (at #/paths/~1users~1{username}~1{foo}/get)",
      "swagger-parser-path-placeholder-no-param.yaml:30:5: warning: path '/users/{username}/{foo}' has `{foo}` but POST defines no path parameter 'foo'; treated as a required string (at #/paths/~1users~1{username}~1{foo}/post)",
    ],
  },
  {
    file: 'swagger-parser-ref-to-invalid-path.yaml',
    loads: false,
    diagnostics: [
      "swagger-parser-ref-to-invalid-path.yaml:10:5: error: path item $ref '#/definitions/products' points to something that is not a Path Item (#/definitions/products has no operations) (at #/paths/~1products/$ref)",
    ],
  },
];

describe('invalid corpus', () => {
  it('covers every file of test/fixtures/invalid', () => {
    const entries = readdirSync(dir).sort();
    const covered = cases.map((c) => c.file.split('/')[0]).sort();
    expect(covered).toEqual(entries);
  });

  it.each(cases)('$file', ({ file, loads, diagnostics }) => {
    const result = loadSpec(file, { host: fsHost(), cwd: dir });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual(diagnostics);
    expect(result.spec !== undefined).toBe(loads);
    // Every diagnostic is placed: a file, and a line whenever there is a pointer.
    for (const d of result.diagnostics) {
      expect(d.displayFile).toBeDefined();
      if (d.loc) expect(d.line).toBeGreaterThan(0);
    }
  });
});
