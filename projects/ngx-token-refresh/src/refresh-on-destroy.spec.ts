import { TestBed } from '@angular/core/testing';
import { REFRESH_URL, record, setup } from '../spec/spec-helpers';

describe('TokenService when the app is destroyed', () => {
  it('cancels the refresh in flight and completes its waiters without a token', () => {
    const { backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const waiter = record(tokens.refresh());
    const refresh = backend.expectOne(REFRESH_URL);

    TestBed.resetTestingModule();
    expect(refresh.cancelled).toBeTrue();
    expect(waiter.values).toEqual([]);
    expect(waiter.error).toBeUndefined();
    expect(waiter.completed).toBeTrue();
  });
});
