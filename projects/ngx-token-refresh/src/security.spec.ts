// Where tokens may go. The basic disallowed URLs (another host, protocol-relative, a backslash
// after the slash, user-info, a suffix host, a trailing dot, http, another port, punycode, an
// unparsable host, javascript:, data:) are in token-refresh-interceptor.spec.ts; these are the
// trickier spellings, the RegExp rules, and the refresh token's only destination.
import { HttpTestingController } from '@angular/common/http/testing';
import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import * as fc from 'fast-check';
import { Schedule } from '../spec/schedule';
import { LIFETIMES, stepArbitrary } from '../spec/schedule-steps';
import { REFRESH_URL, authOf, record, setup, unauthorized } from '../spec/spec-helpers';

const API = 'https://api.example.com';

/** URLs the browser would send to another origin than API (or to none): never the token. */
const DISALLOWED = [
  'HTTPS://EVIL.EXAMPLE/x',
  'https://API.EXAMPLE.COM.evil.example/x',
  'https://user:pass@evil.example/x',
  'https://api.example.com:443@evil.example/x',
  'https://api.example.com:pass@evil.example/x',
  'https://api.example.com%40evil.example/x',
  'https://api.example.com%2F@evil.example/x',
  'https://api.example.com%2eevil.example/x',
  'https://evil.example\\@api.example.com/x',
  'https://evil.example#@api.example.com/x',
  'https://evil.example?@api.example.com/x',
  'https://evil.example/https://api.example.com/x',
  'https://api.example.com\t@evil.example/x',
  'https://api.example.com\n.evil.example/x',
  'https://api.example.com\u3002evil.example/x',
  'https://\u0430pi.example.com/x',
  'https://api.ex\u0430mple.com/x',
  'https://xn--pi-7kc.example.com/x',
  ' https://evil.example/x',
  '\thttps://evil.example/x',
  'https://evil.example/x ',
  '\\\\evil.example/x',
  '/\t/evil.example/x',
  '\\/evil.example/x',
  'https:\\\\evil.example\\x',
  'https:/evil.example/x',
  'https:evil.example/x',
  'https://evil.example./x',
  'https://%65vil.example/x',
  'https://api.example.com:80/x',
  'https://api.example.com:444/x',
  'https://api.example.com:65536/x',
  'https://api.example.com:-1/x',
  'https://3627734734/x',
  'https://[::1]/x',
  'ws://api.example.com/socket',
  'wss://api.example.com/socket',
  'ftp://api.example.com/x',
  'file:///etc/passwd',
  'about:blank',
  'blob:https://evil.example/6f1c2a9e-0000-4000-8000-000000000000',
  'blob:null/6f1c2a9e-0000-4000-8000-000000000000',
  'data:text/html;base64,PHNjcmlwdD48L3NjcmlwdD4=',
  'JAVASCRIPT:fetch("https://api.example.com")',
  'java\tscript:alert(1)',
  'mailto:admin@api.example.com',
];

/** The allowed origin spelled differently: the browser goes to API, so the token goes too. */
const ALLOWED_SPELLINGS = [
  'HTTPS://API.EXAMPLE.COM/x',
  'https://Api.Example.Com:443/x',
  'https://api.example.com:0443/x',
  'https://api.example.com:/x',
  'https://%61pi.example.com/x',
  'https://api\uff0eexample\uff0ecom/x',
  'https://\uff41\uff50\uff49.example.com/x',
  ' https://api.example.com/x ',
  'https://api.example.com\\v1\\x',
  'https:\\\\api.example.com/x',
  'https://api.example.com/x?redirect=https://evil.example',
];

describe('security: the access token goes only to allowed origins', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  for (const [name, allowedOrigins] of [
    ['a string origin', [API]],
    ['an anchored RegExp', [/^https:\/\/api\.example\.com$/]],
    ['a global RegExp (lastIndex reset)', [/^https:\/\/api\.example\.com$/g]],
  ] as const) {
    it(`never attaches it to a disallowed origin, however the URL is written (${name})`, () => {
      const { http, backend, tokens } = setup({ allowedOrigins: [...allowedOrigins] });
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      for (const url of DISALLOWED) {
        const outcome = record(http.get(url));
        const sent = backend.match(() => true);
        expect(sent.length).withContext(JSON.stringify(url)).toBe(1);
        expect(authOf(sent[0])).withContext(JSON.stringify(url)).toBeNull();
        unauthorized(sent[0]);
        expect(outcome.error).withContext(JSON.stringify(url)).toBeDefined();
      }
      backend.expectNone(REFRESH_URL);
      expect(tokens.accessToken()).toBe('T1');
    });

    it(`attaches it to the allowed origin however it is spelled, every time (${name})`, () => {
      const { http, backend, tokens } = setup({ allowedOrigins: [...allowedOrigins] });
      tokens.setTokens({ accessToken: 'T1' });
      for (const url of [...ALLOWED_SPELLINGS, ...ALLOWED_SPELLINGS]) {
        http.get(url).subscribe();
        const [sent] = backend.match(() => true);
        expect(authOf(sent)).withContext(JSON.stringify(url)).toBe('Bearer T1');
      }
    });
  }

  it('attaches it to no other origin when allowedOrigins is left out (its default, [])', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1' });
    for (const url of [...ALLOWED_SPELLINGS, `${location.origin}/x`]) {
      http.get(url).subscribe();
      const [sent] = backend.match(() => true);
      const expected = url.startsWith(location.origin) ? 'Bearer T1' : null;
      expect(authOf(sent)).withContext(JSON.stringify(url)).toBe(expected);
    }
  });

  it('resolves relative URLs against the document base, so they stay on the page origin', () => {
    const { http, backend, tokens } = setup({ allowedOrigins: [API] });
    tokens.setTokens({ accessToken: 'T1' });
    for (const url of ['x', './x', '../../../x', '/x', '?q=1', '#frag', 'http:x']) {
      http.get(url).subscribe();
      const [sent] = backend.match(() => true);
      expect(authOf(sent)).withContext(url).toBe('Bearer T1');
    }
  });

  for (const [listed, expected] of [
    [false, null],
    [true, 'Bearer T1'],
  ] as const) {
    it(`sends a relative URL that a <base href> on another origin resolves there only when that origin is listed (${listed ? 'listed' : 'not listed'})`, () => {
      const CDN = 'https://cdn.example';
      const pageWithForeignBase = { baseURI: `${CDN}/app/`, location: document.location };
      const { http, backend, tokens } = setup({ allowedOrigins: listed ? [API, CDN] : [API] }, [
        { provide: DOCUMENT, useValue: pageWithForeignBase },
      ]);
      tokens.setTokens({ accessToken: 'T1' });
      for (const url of ['x', './x', '/x']) {
        http.get(url).subscribe();
        const [sent] = backend.match(() => true);
        expect(authOf(sent)).withContext(url).toBe(expected);
      }
    });
  }
});

describe('security: the refresh token goes only to the refresh endpoint', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('sends it only in the refresh call body: never in a header, a URL or another request', () => {
    const { http, backend, tokens } = setup({ allowedOrigins: [API] });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'refresh-secret-1' });
    http.post(`${API}/orders`, { note: 'x' }).subscribe();
    http.get('/api/profile?view=full').subscribe();
    unauthorized(backend.expectOne(`${API}/orders`));
    unauthorized(backend.expectOne('/api/profile?view=full'));
    const refresh = backend.expectOne(REFRESH_URL);
    expect(refresh.request.urlWithParams).toBe(REFRESH_URL);
    expect(refresh.request.headers.keys().map((k) => refresh.request.headers.get(k))).not.toContain(
      jasmine.stringContaining('refresh-secret-1'),
    );
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-secret-1' });
    refresh.flush({ accessToken: 'T2', refreshToken: 'refresh-secret-2' });
    for (const retry of backend.match(() => true)) {
      expect(retry.request.url).not.toBe(REFRESH_URL);
      const text = [
        retry.request.urlWithParams,
        ...retry.request.headers.keys().map((k) => retry.request.headers.get(k)),
        String(retry.request.serializeBody()),
      ].join(' ');
      expect(text).not.toContain('refresh-secret');
      retry.flush('ok');
    }
  });

  it('holds across random schedules: refresh tokens only in refresh bodies, no reused one', () => {
    let seen = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...LIFETIMES),
        fc.array(stepArbitrary, { maxLength: 60 }),
        (lifetime, steps) => {
          const schedule = new Schedule({ leaksOnly: true });
          try {
            schedule.run({ kind: 'login', lifetime, withRefreshToken: true });
            steps.forEach((step) => schedule.run(step));
            schedule.drain();
          } finally {
            schedule.dispose();
          }
          const refreshTokens = schedule.ledger.issued().filter((t) => t.startsWith('refresh~'));
          for (const { request } of schedule.sent) {
            const text = [
              request.urlWithParams,
              ...request.headers.keys().map((k) => `${k}: ${request.headers.getAll(k)}`),
              request.url === REFRESH_URL ? '' : String(request.serializeBody() ?? ''),
            ].join('\n');
            if (refreshTokens.some((token) => text.includes(token))) {
              throw new Error(`a refresh token left in ${request.method} ${request.url}`);
            }
            if (request.url === REFRESH_URL) seen++;
          }
        },
      ),
      { numRuns: 300, seed: 20_260_108 },
    );
    expect(seen).withContext('refresh calls checked').toBeGreaterThan(50);
  });
});
