// Measure 4: bundle cost.
import { BUNDLE_VARIANTS } from '../bundle-variants.mjs';
import { int, kb, table } from './format.mjs';

export function bundleSection({ bundle, results }) {
  const rows = BUNDLE_VARIANTS.map(({ id }) => {
    const row = bundle[id];
    return [
      id === 'library' ? `**${row.label}**` : row.label,
      int(row.minified),
      int(row.gzipped),
      id === 'baseline' ? 'reference' : `+${int(row.addedMinified)}`,
      id === 'baseline' ? 'reference' : `+${int(row.addedGzipped)} (${kb(row.addedGzipped)})`,
    ];
  });
  const raw = results.measures.bundle.results;
  const added = Object.entries(raw.library.byPackage)
    .map(([name, bytes]) => [name, bytes - (raw.baseline.byPackage[name] ?? 0)])
    .filter(([, bytes]) => bytes >= 50)
    .sort((a, b) => b[1] - a[1]);
  const composition = added.map(([name, bytes]) => `${name} ${int(bytes)} B`).join(', ');
  const routerBytes = raw['ngx-auth'].byPackage['@angular/router'] ?? 0;
  const router =
    routerBytes > 0
      ? ` ngx-auth's module provides route guards that inject the \`Router\`, so it brings
${int(routerBytes)} B of \`@angular/router\` into an app that had no router.`
      : '';
  return `## 4. Bundle cost

One minimal app per option, built with the Angular CLI (\`@angular/build:application\`,
production: optimization on, AOT) under \`tmp/bench-apps/\`: a standalone component that sends one
\`GET\` through \`HttpClient\`, plus the option set up as in the other measures. The library (from
\`dist/ngx-token-refresh\`) is set up as the README's quick start:
\`provideHttpClient(withInterceptors([tokenRefreshInterceptor]))\` and
\`provideTokenRefresh({ refreshUrl, allowedOrigins: ['https://api.example.com'], storage: 'session' })\`.
The floor is the minimal hand-written bearer interceptor. The baseline is the same app with
\`provideHttpClient()\` only. Bytes of all emitted JavaScript, minified, and gzipped (level 9).

${table(['App', 'JS (B)', 'gzip (B)', 'added (B)', 'added, gzip'], rows, 'lrrrr')}

What ngx-token-refresh adds, by package (minified bytes in the output, from esbuild's metafile):
${composition}. The axios rows include axios itself; axios-auth-refresh alone adds the difference
between its row and the "axios + token interceptor" row.${router}`;
}
