import { TestRequest } from '@angular/common/http/testing';
import {
  expectFailedKeepingSession,
  getMeSignedIn,
  nextRequest,
  nonceChallenge,
  useDpop,
  verifyProof,
} from '../spec/dpop-helpers';
import { REFRESH_URL, authOf, unauthorized } from '../spec/spec-helpers';
import { TokenRefreshEvent } from './public-api';

/** A resource's answer to a proof it refuses (RFC 9449, section 7.1). */
function refuseProof(request: TestRequest): void {
  unauthorized(request, { 'WWW-Authenticate': 'DPoP error="invalid_dpop_proof"' });
}

describe('withDpop(): a refused proof is not a rejected token', () => {
  const setupDpop = useDpop();

  it('withDpop: a resource 401 invalid_dpop_proof reaches the caller, without a refresh, and the session stays', async () => {
    const { backend, tokens, outcome } = getMeSignedIn(setupDpop);
    refuseProof(await nextRequest(backend, '/api/me'));

    await expectFailedKeepingSession({ backend, tokens }, outcome, 'T1');
  });

  it('withDpop: a retry whose proof is refused fails with that 401 and keeps the refreshed session', async () => {
    const { backend, tokens, outcome } = getMeSignedIn(setupDpop);
    const events: TokenRefreshEvent[] = [];
    tokens.events.subscribe((event) => events.push(event));
    unauthorized(await nextRequest(backend, '/api/me'), {
      'WWW-Authenticate': 'DPoP error="invalid_token"',
    });
    (await nextRequest(backend, REFRESH_URL)).flush({ accessToken: 'T2', tokenType: 'DPoP' });
    const retry = await nextRequest(backend, '/api/me');
    expect(authOf(retry)).toBe('DPoP T2');
    refuseProof(retry);

    await expectFailedKeepingSession({ backend, tokens }, outcome, 'T2');
    expect(events.map((event) => event.type)).toEqual(['refreshed', 'request-retried']);
  });

  it('withDpop: a retry still challenged for a nonce after its repeat fails with that 401 and keeps the session', async () => {
    const { backend, tokens, outcome } = getMeSignedIn(setupDpop);
    unauthorized(await nextRequest(backend, '/api/me'));
    (await nextRequest(backend, REFRESH_URL)).flush({ accessToken: 'T2', tokenType: 'DPoP' });
    nonceChallenge(await nextRequest(backend, '/api/me'), 'n-1');
    const repeat = await nextRequest(backend, '/api/me');
    expect((await verifyProof(repeat)).payload['nonce']).toBe('n-1');
    nonceChallenge(repeat, 'n-2');

    await expectFailedKeepingSession({ backend, tokens }, outcome, 'T2');
  });

  it('withDpop: a 401 invalid_token is still a rejected token: one refresh, one retry', async () => {
    const { backend, outcome } = getMeSignedIn(setupDpop);
    unauthorized(await nextRequest(backend, '/api/me'), {
      'WWW-Authenticate':
        'DPoP error="invalid_token", error_description="Invalid DPoP key binding"',
    });
    (await nextRequest(backend, REFRESH_URL)).flush({ accessToken: 'T2', tokenType: 'DPoP' });
    const retry = await nextRequest(backend, '/api/me');
    expect(authOf(retry)).toBe('DPoP T2');
    retry.flush({ name: 'demo' });
    expect(outcome.values).toEqual([{ name: 'demo' }]);
  });
});
