/**
 * Reference docs in the package: the Markdown renderer of the docs model (generator/docs/), which
 * the HTML site renders too.
 */
export { eachResource } from '../docs/model.js';
export { apiMd, operationPage, packageReadme } from '../docs/markdown.js';
