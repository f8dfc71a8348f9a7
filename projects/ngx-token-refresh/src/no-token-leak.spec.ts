import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { REFRESH_URL, jwtExpiringIn, record, setup, unauthorized } from '../spec/spec-helpers';
import { TokenStorage } from './public-api';

describe('ngx-token-refresh never leaks a token', () => {
  const ACCESS = jwtExpiringIn(3600, 'secret-access');
  const REFRESH = 'secret-refresh-token-value';
  let logged: string[];

  beforeEach(() => {
    logged = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spyOn(console, level).and.callFake((...args: unknown[]) =>
        logged.push(
          args.map((arg) => (arg instanceof Error ? describe(arg) : String(arg))).join(' '),
        ),
      );
    }
  });
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  function describe(error: Error): string {
    return `${error.name}: ${error.message} ${error.stack ?? ''} ${JSON.stringify(error.cause)}`;
  }

  function expectNoToken(texts: string[]): void {
    for (const text of texts) {
      expect(text).not.toContain(ACCESS);
      expect(text).not.toContain(ACCESS.split('.')[1]);
      expect(text).not.toContain(REFRESH);
    }
  }

  it('keeps tokens out of console output and of every error the caller can receive', () => {
    const throwing: TokenStorage = {
      read: () => null,
      write: () => {
        throw new Error(`cannot store ${ACCESS}`);
      },
      remove: () => undefined,
    };
    const { http, backend, tokens } = setup({ storage: throwing });
    tokens.setTokens({ accessToken: ACCESS, refreshToken: REFRESH });
    const errors: unknown[] = [];

    const transient = record(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    backend.expectOne(REFRESH_URL).flush('<html>', { status: 200, statusText: 'OK' });
    errors.push(transient.error);

    const definitive = record(http.get('/api/b'));
    unauthorized(backend.expectOne('/api/b'));
    backend
      .expectOne(REFRESH_URL)
      .flush({ error: 'invalid_grant' }, { status: 400, statusText: 'Bad' });
    errors.push(definitive.error);

    expect(errors.every((error) => error instanceof Error)).toBeTrue();
    expect(logged.length).toBe(1);
    expectNoToken([...logged, ...errors.map((error) => describe(error as Error))]);
  });
});
