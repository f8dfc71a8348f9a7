// Bad input, part 3: request bodies on the retry after a 401. Angular's HttpRequest is an
// immutable value holding its body by reference; the interceptor retries with
// `req.clone({ setHeaders })`, which keeps that reference, and the backend serializes the body
// (`serializeBody()`) each time the request is sent. So a retry re-sends the same body for every
// kind HttpClient supports. Anything else (a Map, a class instance, a ReadableStream) is not a
// supported body: Angular JSON-stringifies it at send time, the same way on both attempts.
import { HttpParams } from '@angular/common/http';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { authOf, flushRefresh, record, setup, unauthorized } from '../spec/spec-helpers';

describe('bad input: request bodies are replayed on the retry', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  /** POSTs `body`, answers 401, refreshes; returns both attempts the backend received. */
  function postRejectedOnce(body: unknown): { first: TestRequest; retry: TestRequest } {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(http.post('/api/upload', body));
    const first = backend.expectOne('/api/upload');
    const firstBody = first.request.serializeBody();
    unauthorized(first);
    flushRefresh(backend, { accessToken: 'T2' });
    const retry = backend.expectOne('/api/upload');
    expect(authOf(retry)).toBe('Bearer T2');
    expect(retry.request.serializeBody()).toEqual(firstBody);
    retry.flush('stored');
    expect(outcome.values).toEqual(['stored']);
    return { first, retry };
  }

  const form = new FormData();
  form.append('name', 'report.txt');
  form.append('file', new Blob(['file content'], { type: 'text/plain' }), 'report.txt');
  const bodies: [string, () => unknown][] = [
    ['a JSON object', () => ({ item: 42, tags: ['a', 'b'], nested: { ok: true } })],
    ['a JSON array', () => [1, 2, 3]],
    ['a string', () => 'plain text body'],
    ['a Blob', () => new Blob(['binary \u0000 content'], { type: 'application/octet-stream' })],
    ['a FormData with a file', () => form],
    ['an ArrayBuffer', () => new Uint8Array([0, 1, 2, 254, 255]).buffer],
    ['URLSearchParams', () => new URLSearchParams({ grant: 'x', scope: 'a b' })],
    ['HttpParams', () => new HttpParams().set('q', 'a&b').set('page', '2')],
    ['a boolean', () => false],
    ['a number', () => 0],
  ];
  for (const [name, make] of bodies) {
    it(`re-sends an identical body on the retry: ${name}`, () => {
      const body = make();
      const { first, retry } = postRejectedOnce(body);
      expect(first.request.body).toBe(body);
      expect(retry.request.body).toBe(body);
      expect(retry.request.method).toBe('POST');
      expect(retry.request.headers.get('Content-Type')).toBe(
        first.request.headers.get('Content-Type'),
      );
    });
  }

  it('re-sends an identical JSON body for PUT, PATCH and DELETE too', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const body = { id: 7 };
    http.put('/api/put', body).subscribe();
    http.patch('/api/patch', body).subscribe();
    http.delete('/api/delete', { body }).subscribe();
    for (const url of ['/api/put', '/api/patch', '/api/delete'])
      unauthorized(backend.expectOne(url));
    flushRefresh(backend, { accessToken: 'T2' });
    for (const [url, method] of [
      ['/api/put', 'PUT'],
      ['/api/patch', 'PATCH'],
      ['/api/delete', 'DELETE'],
    ]) {
      const retry = backend.expectOne(url);
      expect(retry.request.method).toBe(method);
      expect(retry.request.body).toBe(body);
    }
  });

  // Documented behaviour, not a bug: the body is serialized when each attempt is sent.
  it('sends a mutable body as it is at retry time: a JSON object mutated after the call goes out mutated', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const body = { step: 1 };
    http.post('/api/mutable', body).subscribe();
    const first = backend.expectOne('/api/mutable');
    expect(first.request.serializeBody()).toBe('{"step":1}');
    body.step = 2;
    unauthorized(first);
    flushRefresh(backend, { accessToken: 'T2' });
    expect(backend.expectOne('/api/mutable').request.serializeBody()).toBe('{"step":2}');
  });

  it('JSON-stringifies an unsupported body (a Map) the same way on both attempts', () => {
    const body = new Map([['a', 1]]);
    const { first, retry } = postRejectedOnce(body);
    expect(first.request.serializeBody()).toBe('{}');
    expect(retry.request.body).toBe(body);
  });
});
