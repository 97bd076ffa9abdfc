/** Where the site's files go; a module of its own so the CLI knows it without loading the renderer. */

/** The site's folder inside the output when the config asks for it (`docs.html: true`). */
export const SITE_DIR = 'site';

/** Stylesheet, scripts, navigation tree and search index, in the site. */
export const ASSETS = '_lathe';
