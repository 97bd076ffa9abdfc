/**
 * ts-morph's values, loaded with `require`. An ESM `import` of this CommonJS package makes Node
 * scan its source for export names before running it: about 70 ms of every run that prints or
 * analyses code. Types still come from `import type ... from 'ts-morph'`.
 */
import { createRequire } from 'node:module';
import type * as Morph from 'ts-morph';

const morph = createRequire(import.meta.url)('ts-morph') as typeof Morph;

export const { CodeBlockWriter, ModuleDeclarationKind, printStructure, Project, StructureKind, ts } = morph;
