// The API reference (docs/api/, built by `npm run docs:api`, checked by the `api-docs` suite),
// generated from the JSDoc of both entry points.
//
// TypeDoc, not Compodoc: Compodoc is built around apps (NgModules, components, templates, routes)
// and has nothing to say about most of this library's API; TypeDoc renders exported functions,
// constants, classes, interfaces and type aliases with their TSDoc, validates the comments
// (`notDocumented`, `invalidLink`, `notExported`) and, with typedoc-plugin-markdown, writes
// Markdown that GitHub shows as it is, so the README's link works without a docs site.
//
// Every public export needs a comment and a `@usageNotes` example that imports it
// (scripts/api-docs-plugin.mjs); any warning fails the build. `ɵ`-prefixed exports and members
// are private API and left out by the plugin; members marked `@internal` by `excludeInternal`.

/** @type {Partial<import('typedoc').TypeDocOptions & import('typedoc-plugin-markdown').PluginOptions>} */
export default {
  name: 'ngx-token-refresh',
  entryPoints: [
    'projects/ngx-token-refresh/src/public-api.ts',
    'projects/ngx-token-refresh/testing/src/public-api.ts',
  ],
  tsconfig: 'projects/ngx-token-refresh/tsconfig.docs.json',
  plugin: ['typedoc-plugin-markdown', './scripts/api-docs-plugin.mjs'],
  out: 'docs/api',
  cleanOutputDir: true,
  readme: 'none',

  excludeInternal: true,
  excludePrivate: true,
  excludeProtected: true,
  // Source links carry line numbers and a commit: every code change would outdate the reference.
  disableSources: true,

  // Angular's tags: `@usageNotes` holds the example, `@default` an option's default.
  blockTags: [
    '@usageNotes',
    '@default',
    '@deprecated',
    '@example',
    '@param',
    '@returns',
    '@see',
    '@throws',
  ],
  validation: {
    notExported: true,
    invalidLink: true,
    invalidPath: true,
    notDocumented: true,
  },
  treatWarningsAsErrors: true,

  groupOrder: [
    ...['Functions', 'Variables', 'Classes', 'Interfaces', 'Type Aliases'],
    ...['Constructors', 'Properties', 'Accessors', 'Methods', '*'],
  ],

  // typedoc-plugin-markdown: one page per entry point, code blocks for signatures.
  outputFileStrategy: 'modules',
  entryFileName: 'README',
  hidePageHeader: true,
  useCodeBlocks: true,
};
