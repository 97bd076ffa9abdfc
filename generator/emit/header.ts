/** The first line of every file lathe emits (a module of its own: the wire worker imports it too). */
export const HEADER = '// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.';
