// Helpers for the withDpop() specs: the real setup with DPoP on, and proofs verified with jose.
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  EmbeddedJWK,
  base64url,
  calculateJwkThumbprint,
  decodeProtectedHeader,
  jwtVerify,
} from 'jose';
import { withDpop } from '../src/public-api';
import {
  Outcome,
  isHttpError,
  nextRequests,
  record,
  setup,
  uniqueKey,
  until,
} from './spec-helpers';

export const TOKEN_URL = 'https://auth.example.com/oauth/token';
export const API = 'https://api.example.com';

/**
 * Call in a `describe`: returns the real setup with DPoP on, the API origin allowed and a key of
 * the spec's own (the same for every setup of one spec, as after a reload); after each spec, no
 * request is left unanswered.
 */
export function useDpop(): (options?: Parameters<typeof setup>[0]) => ReturnType<typeof setup> {
  let storageKey: string;
  beforeEach(() => (storageKey = uniqueKey('dpop-spec')));
  afterEach(() => TestBed.inject(HttpTestingController).verify());
  return (options = {}) =>
    setup({ storageKey, allowedOrigins: [API], ...options }, [], [withDpop()]);
}

/**
 * Signed in with the DPoP tokens `T1` and `R1` (`useDpop()`'s setup), and a GET of `/api/me` on its
 * way (it goes out once its proof is signed: `nextRequest()`), its outcome recorded.
 */
export function getMeSignedIn(setupDpop: ReturnType<typeof useDpop>) {
  const signedIn = setupDpop();
  signedIn.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1', tokenType: 'DPoP' });
  return { ...signedIn, outcome: record(signedIn.http.get('/api/me')) };
}

/** The one request to `url` (sent after its proof is signed, so asynchronously). */
export async function nextRequest(
  backend: HttpTestingController,
  url: string,
): Promise<TestRequest> {
  const [request] = await nextRequests([backend], url);
  return request;
}

/** Verifies the request's DPoP proof with the public key it carries, and returns it. */
export async function verifyProof(request: TestRequest) {
  const proof = request.request.headers.get('DPoP');
  if (!proof) throw new Error(`no DPoP proof on ${request.request.url}`);
  const { payload } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt' });
  return { header: decodeProtectedHeader(proof), payload };
}

export async function thumbprint(proof: Awaited<ReturnType<typeof verifyProof>>): Promise<string> {
  return calculateJwkThumbprint(proof.header.jwk!);
}

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return base64url.encode(new Uint8Array(digest));
}

export function nonceChallenge(request: TestRequest, nonce: string): void {
  request.flush(
    { error: 'use_dpop_nonce' },
    {
      status: 401,
      statusText: 'Unauthorized',
      headers: { 'WWW-Authenticate': 'DPoP error="use_dpop_nonce"', 'DPoP-Nonce': nonce },
    },
  );
}

/**
 * The caller got a 401, nothing else went out (no refresh, no further repeat), and the session
 * stays on `token`: what a refused proof or an outlasting nonce challenge must leave.
 */
export async function expectFailedKeepingSession(
  { backend, tokens }: Pick<ReturnType<typeof setup>, 'backend' | 'tokens'>,
  outcome: Outcome<unknown>,
  token: string,
): Promise<void> {
  await until(() => outcome.error !== undefined, 'the error');
  expect(isHttpError(outcome.error, 401)).withContext('the caller gets the 401').toBeTrue();
  expect(backend.match(() => true))
    .withContext('requests left unanswered')
    .toEqual([]);
  expect(tokens.accessToken()).toBe(token);
  expect(tokens.status()).toBe('authenticated');
}
