import { OriginRule, isAllowedUrl, originOfPage, parseAllowedOrigins } from './allowed-origin';
import { TokenRefreshConfigError } from './token-refresh-config-error';

const PAGE = 'https://app.example.com';
const BASE = 'https://app.example.com/shop/cart?step=2';

describe('parseAllowedOrigins', () => {
  it('parseAllowedOrigins() normalizes case, default ports and a trailing slash', () => {
    expect(
      parseAllowedOrigins([
        'HTTPS://API.Example.COM',
        'https://api.example.com:443',
        'http://api.example.com:80/',
        'https://api.example.com:8443/',
        'http://[::1]:4200',
      ]),
    ).toEqual([
      'https://api.example.com',
      'https://api.example.com',
      'http://api.example.com',
      'https://api.example.com:8443',
      'http://[::1]:4200',
    ]);
  });

  it('parseAllowedOrigins() writes an internationalized host the way request URLs resolve it', () => {
    const [origin] = parseAllowedOrigins(['https://bücher.example']);
    expect(origin).toBe('https://xn--bcher-kva.example');
    expect(isAllowedUrl('https://BÜCHER.example/x', BASE, PAGE, [origin])).toBeTrue();
  });

  it('parseAllowedOrigins() keeps each RegExp as it is, in order', () => {
    const pattern = /^https:\/\/[a-z]+\.example\.com$/;
    const rules = parseAllowedOrigins(['https://a.example.com', pattern, 'https://b.example.com']);
    expect(rules).toEqual(['https://a.example.com', pattern, 'https://b.example.com']);
    expect(rules[1]).toBe(pattern);
  });

  it('parseAllowedOrigins() accepts an empty list', () => {
    expect(parseAllowedOrigins([])).toEqual([]);
  });

  it('parseAllowedOrigins() rejects each entry that is not a bare http(s) origin, naming its index', () => {
    const rejected: Record<string, unknown> = {
      'a path': 'https://api.example.com/v1',
      'a query': 'https://api.example.com?x=1',
      'an empty query': 'https://api.example.com/?',
      'a fragment': 'https://api.example.com#top',
      'a user': 'https://user@api.example.com',
      'a user and password': 'https://user:secret@api.example.com',
      'a password only': 'https://:secret@api.example.com',
      'a wildcard subdomain': 'https://*.example.com',
      'a wildcard port': 'https://api.example.com:*',
      'a wss scheme': 'wss://api.example.com',
      'an ftp scheme': 'ftp://files.example.com',
      'a file URL': 'file:///etc/passwd',
      'a javascript URL': 'javascript:alert(1)',
      'a data URL': 'data:text/plain,hi',
      'no scheme': 'api.example.com',
      'a host and port without scheme': 'localhost:4200',
      'a protocol-relative URL': '//api.example.com',
      'an empty string': '',
      'a number': 42,
      null: null,
      undefined: undefined,
      'an object': { origin: 'https://api.example.com' },
      'an array': ['https://api.example.com'],
    };
    for (const [name, entry] of Object.entries(rejected)) {
      const entries = ['https://ok.example.com', /^https:\/\/ok\.example$/, entry] as (
        string | RegExp
      )[];
      expect(() => parseAllowedOrigins(entries))
        .withContext(name)
        .toThrowMatching(
          (error) =>
            error instanceof TokenRefreshConfigError && error.message.includes('allowedOrigins[2]'),
        );
    }
  });

  it('parseAllowedOrigins() accepts patterns anchored at both ends, with literal dots', () => {
    const patterns = [
      /^https:\/\/[a-z0-9-]+\.example\.com$/,
      /^https:\/\/(api|auth)\.example\.com$/,
      /^https:\/\/a\.example$|^https:\/\/b\.example$/,
      /^https:\/\/.+\.example\.com(:\d+)?$/i,
      /^https:\/\/[a-z.]+\.example\.com$/,
    ];
    expect(parseAllowedOrigins(patterns)).toEqual(patterns);
  });

  // Each of these also matches a host its author did not mean: the token would go there.
  const loose: [string, RegExp, string][] = [
    ['no anchors', /api\.example\.com/, 'https://api.example.com.evil.example'],
    ['no end anchor', /^https:\/\/api\.example\.com/, 'https://api.example.com.evil.example'],
    ['no start anchor', /api\.example\.com$/, 'https://evilapi.example.com'],
    ['an alternative unanchored', /^https:\/\/a\.example$|b\.example/, 'https://b.example.evil'],
    ['a dot that is not literal', /^https:\/\/api.example\.com$/, 'https://apixexample.com'],
  ];
  for (const [name, pattern, other] of loose) {
    it(`parseAllowedOrigins() rejects a pattern with ${name}, naming its index`, () => {
      expect(pattern.test(other)).toBeTrue();
      expect(() => parseAllowedOrigins(['https://ok.example.com', pattern])).toThrowMatching(
        (error) =>
          error instanceof TokenRefreshConfigError &&
          error.message.startsWith(`ngx-token-refresh: allowedOrigins[1] (${pattern}) `),
      );
    });
  }

  it('parseAllowedOrigins() never repeats a password from a rejected entry in its message', () => {
    expect(() => parseAllowedOrigins(['https://user:s3cret-pw@api.example.com'])).toThrowMatching(
      (error) =>
        error.message.includes('allowedOrigins[0]') && !error.message.includes('s3cret-pw'),
    );
  });

  it('parseAllowedOrigins() names the first entry that is rejected', () => {
    expect(() =>
      parseAllowedOrigins(['https://ok.example.com', 'https://a.example.com/x', 'ftp://b']),
    ).toThrowMatching(
      (error) =>
        error.message.includes('allowedOrigins[1]') && !error.message.includes('allowedOrigins[2]'),
    );
  });
});

describe('isAllowedUrl', () => {
  it('isAllowedUrl() allows relative URLs, which stay on the page origin', () => {
    for (const url of ['/api/orders', 'api/orders', './orders', '../orders', '?page=2', '#x', '']) {
      expect(isAllowedUrl(url, BASE, PAGE, []))
        .withContext(JSON.stringify(url))
        .toBeTrue();
    }
  });

  it('isAllowedUrl() allows absolute URLs on the page origin, however they are written', () => {
    for (const url of [
      'https://app.example.com/api',
      'HTTPS://APP.EXAMPLE.COM:443/api',
      'https://app.example.com',
    ]) {
      expect(isAllowedUrl(url, BASE, PAGE, []))
        .withContext(url)
        .toBeTrue();
    }
  });

  it('isAllowedUrl() refuses other origins that are not listed', () => {
    for (const url of [
      'https://evil.example/api',
      'http://app.example.com/api',
      'https://app.example.com:8443/api',
      'https://app.example.com.evil.example/api',
      'https://sub.app.example.com/api',
    ]) {
      expect(isAllowedUrl(url, BASE, PAGE, []))
        .withContext(url)
        .toBeFalse();
    }
  });

  it('isAllowedUrl() allows listed origins, exactly', () => {
    const rules = parseAllowedOrigins(['https://api.example.com', 'http://localhost:3000']);
    expect(isAllowedUrl('https://api.example.com/v1/orders', BASE, PAGE, rules)).toBeTrue();
    expect(isAllowedUrl('https://API.example.com:443/v1', BASE, PAGE, rules)).toBeTrue();
    expect(isAllowedUrl('http://localhost:3000/x', BASE, PAGE, rules)).toBeTrue();
    expect(isAllowedUrl('http://localhost:3001/x', BASE, PAGE, rules)).toBeFalse();
    expect(isAllowedUrl('http://api.example.com/v1', BASE, PAGE, rules)).toBeFalse();
    expect(isAllowedUrl('https://api.example.com.evil.example/', BASE, PAGE, rules)).toBeFalse();
  });

  it('isAllowedUrl() tests a pattern on the origin only, not on the path or query', () => {
    const rules: OriginRule[] = [/^https:\/\/[a-z]+\.example\.com$/, /trusted/];
    expect(isAllowedUrl('https://api.example.com/any/path?q=1', BASE, PAGE, rules)).toBeTrue();
    expect(isAllowedUrl('https://evil.example/trusted?trusted', BASE, PAGE, rules)).toBeFalse();
    expect(isAllowedUrl('https://a.b.example.com/', BASE, PAGE, rules)).toBeFalse();
  });

  it('isAllowedUrl() gives the same answer each time for a global or sticky pattern', () => {
    const global = /api\.example\.com/g;
    const sticky = /https:\/\/api\./y;
    for (const rule of [global, sticky]) {
      rule.lastIndex = 999;
      const answers = [1, 2, 3].map(() =>
        isAllowedUrl('https://api.example.com/x', BASE, PAGE, [rule]),
      );
      expect(answers).withContext(String(rule)).toEqual([true, true, true]);
    }
  });

  it('isAllowedUrl() judges tricky URLs by where the browser really sends them', () => {
    const rules = parseAllowedOrigins(['https://api.example.com']);
    const refused = [
      '//evil.example/api',
      '/\\evil.example/api',
      '\\\\evil.example/api',
      '\\/evil.example/api',
      '/\t/evil.example/api',
      '/\n/evil.example/api',
      '\t//evil.example/api',
      ' //evil.example/api',
      'https://api.example.com@evil.example/',
      'https://app.example.com:443@evil.example/',
      'https:\\\\evil.example/api',
    ];
    for (const url of refused) {
      expect(isAllowedUrl(url, BASE, PAGE, rules))
        .withContext(JSON.stringify(url))
        .toBeFalse();
    }
    const allowed = [
      'https://evil.example@api.example.com/',
      '/api\n/orders',
      '/api/%2F%2Fevil.example',
      'https://api.example.com\\v1',
      'https:orders', // same scheme as the base: a relative URL
    ];
    for (const url of allowed) {
      expect(isAllowedUrl(url, BASE, PAGE, rules))
        .withContext(JSON.stringify(url))
        .toBeTrue();
    }
  });

  it('isAllowedUrl() never allows an unparsable or opaque-origin URL, even to a match-all pattern', () => {
    const matchAll = [/.*/];
    for (const url of [
      'http://[::1',
      'http://',
      'https://api.example.com:99999/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:null/123',
      'about:blank',
    ]) {
      expect(isAllowedUrl(url, BASE, PAGE, matchAll))
        .withContext(url)
        .toBeFalse();
    }
  });

  it('isAllowedUrl() sends relative URLs to a base on another origin only when that one is allowed', () => {
    const cdnBase = 'https://cdn.example.net/app/';
    expect(isAllowedUrl('/api/orders', cdnBase, PAGE, [])).toBeFalse();
    expect(isAllowedUrl('api/orders', cdnBase, PAGE, [])).toBeFalse();
    const rules = parseAllowedOrigins(['https://cdn.example.net']);
    expect(isAllowedUrl('/api/orders', cdnBase, PAGE, rules)).toBeTrue();
  });

  it('isAllowedUrl() refuses relative URLs against an unparsable base', () => {
    expect(isAllowedUrl('/api/orders', 'not a url', PAGE, [/.*/])).toBeFalse();
    expect(isAllowedUrl('api/orders', 'not a url', PAGE, [/.*/])).toBeFalse();
  });
});

describe('originOfPage', () => {
  it('originOfPage() reads the origin of a page or base URL', () => {
    expect(originOfPage('https://App.Example.com:443/shop/cart?step=2#pay')).toBe(PAGE);
    expect(originOfPage('http://localhost:4200/')).toBe('http://localhost:4200');
  });

  it('originOfPage() is null for an unparsable URL', () => {
    expect(originOfPage('not a url')).toBeNull();
    expect(originOfPage('')).toBeNull();
  });

  it('originOfPage() answers for the URL it is given when the URL changes', () => {
    expect(originOfPage('https://a.example.com/')).toBe('https://a.example.com');
    expect(originOfPage('https://b.example.com/')).toBe('https://b.example.com');
    expect(originOfPage('garbage')).toBeNull();
    expect(originOfPage('https://a.example.com/')).toBe('https://a.example.com');
  });
});
