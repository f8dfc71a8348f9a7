import { DOCUMENT } from '@angular/core';
import { expectAuthorization, setup } from '../spec/spec-helpers';

/**
 * How the interceptor learns the page's origin and base URL from the document, when the document
 * is not a plain browser page (server DOMs, frames): platform-reads.spec.ts has the reads that throw.
 */
describe('tokenRefreshInterceptor: the page origin from the document', () => {
  it('a location without origin (a server DOM): the origin comes from its href', () => {
    const serverDocument = {
      baseURI: 'https://app.example/shop/',
      location: { href: 'https://app.example/shop/cart' },
    };
    expectTokens(serverDocument, {
      '/api/relative': 'Bearer T1',
      'https://app.example/api/absolute': 'Bearer T1',
      'https://evil.example/x': null,
    });
  });

  it('a frame whose href has no origin of its own (about:blank): the origin is the location’s', () => {
    const blankFrame = {
      baseURI: 'https://app.example/',
      location: { href: 'about:blank', origin: 'https://app.example' },
    };
    expectTokens(blankFrame, {
      '/api/relative': 'Bearer T1',
      'https://app.example/api/absolute': 'Bearer T1',
      'https://evil.example/x': null,
    });
  });

  it('an unreadable location but a readable base: relative URLs go to the base, which must be allowed', () => {
    const document = {
      baseURI: 'https://cdn.example/',
      get location(): Location {
        throw new DOMException('location is not available', 'SecurityError');
      },
    };
    expectTokens(document, {
      '/api/relative': null,
      'https://cdn.example/api/absolute': null,
      'https://api.example.com/listed': 'Bearer T1',
    });
  });
});

/** Sends a GET to each URL with `document` as the DOCUMENT; each must carry the given header. */
function expectTokens(document: object, expected: Record<string, string | null>): void {
  const { http, backend, tokens } = setup({ allowedOrigins: ['https://api.example.com'] }, [
    { provide: DOCUMENT, useValue: document },
  ]);
  tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
  expectAuthorization(http, backend, expected);
}
