// The minimal apps of the bundle-cost measure: each is bench/app/bundle/bundle-app.ts plus one
// option, bootstrapped by a generated main file. `baseline` has none of them.

const bootstrap = (
  providers,
  extra = '',
) => `import { bootstrapApplication } from '@angular/platform-browser';
import { BundleApp } from '../bundle-app';
${extra}
bootstrapApplication(BundleApp, { providers: ${providers} }).catch((error: unknown) =>
  console.error(error),
);
`;

const axiosMain = (factory) =>
  bootstrap(
    '[provideHttpClient()]',
    `import { provideHttpClient } from '@angular/common/http';
import { ${factory} } from '../patterns/axios';
import { TokenStore } from '../shared';

${factory}(new TokenStore()).get('/api/items/1');`,
  );

/** id, label and the generated main file of every bundle app. */
export const BUNDLE_VARIANTS = [
  {
    id: 'baseline',
    label: 'baseline (HttpClient, no auth)',
    main: bootstrap(
      '[provideHttpClient()]',
      "import { provideHttpClient } from '@angular/common/http';",
    ),
  },
  {
    id: 'floor-bearer',
    label: 'hand-written bearer interceptor (floor)',
    main: bootstrap(
      'floorBearerProviders',
      "import { floorBearerProviders } from '../patterns/floor-bearer';",
    ),
  },
  {
    id: 'library',
    label: 'ngx-token-refresh (README quick start)',
    main: bootstrap(
      'quickStartLibraryProviders',
      "import { quickStartLibraryProviders } from '../patterns/library';",
    ),
  },
  {
    id: 'naive',
    label: 'hand-written (a) no lock',
    main: bootstrap('naiveProviders', "import { naiveProviders } from '../patterns/naive';"),
  },
  {
    id: 'queued',
    label: 'hand-written (b) flag + queue',
    main: bootstrap('queuedProviders', "import { queuedProviders } from '../patterns/queued';"),
  },
  {
    id: 'ngx-auth',
    label: 'ngx-auth',
    main: bootstrap('ngxAuthProviders', "import { ngxAuthProviders } from '../patterns/ngx-auth';"),
  },
  {
    id: 'jwt',
    label: '@auth0/angular-jwt JwtInterceptor',
    main: bootstrap('jwtProviders()', "import { jwtProviders } from '../patterns/jwt';"),
  },
  { id: 'axios', label: 'axios + token interceptor', main: axiosMain('createTokenAxios') },
  {
    id: 'axios-auth-refresh',
    label: 'axios + axios-auth-refresh',
    main: axiosMain('createAuthRefreshAxios'),
  },
];
