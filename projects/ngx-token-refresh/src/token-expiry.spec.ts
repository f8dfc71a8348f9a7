import { createTestJwt } from '../testing/src/create-test-jwt';
import { jwtWithPayload, withMockClock } from '../spec/spec-helpers';
import { TokenTimes, clockOffset, hasExpired, readTokenTimes, refreshTime } from './token-expiry';

/** A fixed "now" (ms) for every spec; the real clock is never read. */
const NOW = Date.UTC(2030, 0, 1);
const NOW_S = NOW / 1000;

describe('readTokenTimes', () => {
  it('readTokenTimes() reads the expiry from exp and the lifetime from exp - iat', () => {
    const token = jwt({ iat: NOW_S - 60, exp: NOW_S + 540 });
    expect(readTokenTimes(token, undefined, NOW)).toEqual({
      expiresAt: (NOW_S + 540) * 1000,
      lifetimeMs: 600_000,
    });
  });

  it('readTokenTimes() lets a JWT exp win over expiresIn', () => {
    const token = jwt({ iat: NOW_S, exp: NOW_S + 600 });
    expect(readTokenTimes(token, 30, NOW)).toEqual({
      expiresAt: (NOW_S + 600) * 1000,
      lifetimeMs: 600_000,
    });
  });

  it('readTokenTimes() leaves the lifetime unknown without a usable iat', () => {
    const exp = NOW_S + 600;
    const iats: Record<string, unknown> = {
      'no iat': undefined,
      'iat equal to exp': exp,
      'iat after exp': exp + 1,
      'iat as a string': String(NOW_S),
      'iat 0': 0,
      'iat in milliseconds': NOW,
    };
    for (const [name, iat] of Object.entries(iats)) {
      expect(readTokenTimes(jwt({ iat, exp }), 30, NOW))
        .withContext(name)
        .toEqual({ expiresAt: exp * 1000, lifetimeMs: null });
    }
  });

  it('readTokenTimes() counts expiresIn from now for an opaque token', () => {
    expect(readTokenTimes('opaque-token', 90, NOW)).toEqual({
      expiresAt: NOW + 90_000,
      lifetimeMs: 90_000,
    });
    expect(readTokenTimes('opaque-token', 1.5, NOW)).toEqual({
      expiresAt: NOW + 1500,
      lifetimeMs: 1500,
    });
  });

  it('readTokenTimes() treats a JWT without a usable exp as opaque', () => {
    const tokens: Record<string, string> = {
      'no exp': jwt({ iat: NOW_S }),
      'exp 0': jwt({ exp: 0 }),
      'a negative exp': jwt({ exp: -NOW_S }),
      'exp null': jwt({ exp: null }),
      'exp as a string': jwt({ exp: String(NOW_S + 600) }),
      'exp true': jwt({ exp: true }),
      'exp not finite': jwtWithPayload('{"exp":1e400}'),
      'exp in milliseconds': jwt({ iat: NOW_S, exp: NOW + 600_000 }),
    };
    for (const [name, token] of Object.entries(tokens)) {
      expect(readTokenTimes(token, undefined, NOW))
        .withContext(`${name}, without expiresIn`)
        .toEqual(UNKNOWN);
      expect(readTokenTimes(token, 60, NOW))
        .withContext(`${name}, with expiresIn`)
        .toEqual({ expiresAt: NOW + 60_000, lifetimeMs: 60_000 });
    }
  });

  it('readTokenTimes() still reads an exp in seconds far in the future', () => {
    const exp = 9e10; // about the year 4822
    expect(readTokenTimes(jwt({ exp }), 60, NOW).expiresAt).toBe(exp * 1000);
  });

  it('readTokenTimes() ignores an expiresIn that is not a positive finite number', () => {
    for (const expiresIn of [0, -10, NaN, Infinity, -Infinity, '60', null, undefined, {}]) {
      expect(readTokenTimes('opaque-token', expiresIn, NOW))
        .withContext(String(expiresIn))
        .toEqual(UNKNOWN);
    }
  });

  it('readTokenTimes() never throws for a token it cannot decode', () => {
    const tokens = [
      '',
      'opaque',
      'a.b',
      'a.b.c',
      '...',
      'a.%%%.c',
      'a.b.c.d',
      jwtWithPayload('not json'),
      jwtWithPayload('null'),
      jwtWithPayload('42'),
      jwtWithPayload('"text"'),
      jwtWithPayload('[1700000000]'),
    ];
    for (const token of tokens) {
      expect(readTokenTimes(token, undefined, NOW))
        .withContext(token)
        .toEqual(UNKNOWN);
      expect(readTokenTimes(token, 60, NOW))
        .withContext(`${token} with expiresIn`)
        .toEqual({ expiresAt: NOW + 60_000, lifetimeMs: 60_000 });
    }
  });

  it('readTokenTimes() counts expiresIn from the page clock when no now is given', () => {
    withMockClock(() => {
      expect(readTokenTimes('opaque-token', 10).expiresAt).toBe(Date.UTC(2030, 0, 1) + 10_000);
    });
  });
});

describe('refreshTime', () => {
  it('refreshTime() is leewayMs before the expiry of a long-lived token', () => {
    expect(refreshTime(times(NOW + 3_600_000, 3_600_000), 30_000)).toBe(NOW + 3_570_000);
  });

  it('refreshTime() is never earlier than half-way through the lifetime', () => {
    expect(refreshTime(times(NOW + 20_000, 20_000), 30_000)).toBe(NOW + 10_000);
    expect(refreshTime(times(NOW + 60_000, 60_000), 30_000))
      .withContext('lifetime of exactly twice the leeway')
      .toBe(NOW + 30_000);
  });

  it('refreshTime() takes the full leeway when the lifetime is unknown', () => {
    expect(refreshTime(times(NOW + 20_000, null), 30_000)).toBe(NOW - 10_000);
  });

  it('refreshTime() is the expiry itself with no leeway', () => {
    expect(refreshTime(times(NOW + 20_000, 20_000), 0)).toBe(NOW + 20_000);
  });

  it('refreshTime() is null for an unknown expiry', () => {
    expect(refreshTime(UNKNOWN, 30_000)).toBeNull();
    expect(refreshTime(times(null, 60_000), 30_000)).toBeNull();
  });

  it('refreshTime() of a decoded short-lived JWT lands half-way through its lifetime', () => {
    const token = jwt({ iat: NOW_S, exp: NOW_S + 20 });
    expect(refreshTime(readTokenTimes(token, undefined, NOW), 30_000)).toBe(NOW + 10_000);
  });
});

describe('hasExpired', () => {
  it('hasExpired() never holds for an unknown expiry', () => {
    expect(hasExpired(null, NOW)).toBeFalse();
    expect(hasExpired(null, Number.MAX_VALUE)).toBeFalse();
  });

  it('hasExpired() counts an expiry equal to now as expired', () => {
    expect(hasExpired(NOW, NOW)).toBeTrue();
  });

  it('hasExpired() holds once the expiry has passed, not before', () => {
    expect(hasExpired(NOW - 1, NOW)).toBeTrue();
    expect(hasExpired(NOW + 1, NOW)).toBeFalse();
  });

  it('hasExpired() reads the page clock when no now is given', () => {
    withMockClock(() => {
      const now = Date.UTC(2030, 0, 1);
      expect(hasExpired(now)).toBeTrue();
      expect(hasExpired(now + 1)).toBeFalse();
    });
  });
});

describe('clockOffset', () => {
  // A refresh sent at NOW - 2 s and answered at NOW: the token was issued in between.
  const SENT = NOW - 2000;

  it("clockOffset() is 0 when iat lies in the call's round trip, down to its whole second", () => {
    for (const iat of [SENT - 999, SENT, NOW - 1000, NOW]) {
      expect(clockOffset(iat, SENT, NOW))
        .withContext(`iat ${iat - NOW} ms`)
        .toBe(0);
    }
  });

  it('clockOffset() for an iat before the call was sent: the page clock is ahead by at least the gap', () => {
    // Issued no later than iat + 999 ms, by the issuer's clock; sent at SENT by the page's.
    expect(clockOffset(SENT - 1001, SENT, NOW)).toBe(1);
    expect(clockOffset(SENT - 600_000, SENT, NOW)).toBe(599_000);
  });

  it('clockOffset() for an iat after the answer came: the page clock is behind, by the gap to the send', () => {
    expect(clockOffset(NOW + 1, SENT, NOW)).toBe(-3001);
    expect(clockOffset(NOW + 600_000, SENT, NOW)).toBe(-603_000);
  });
});

describe('readTokenTimes() of a refresh answer (with sentAt)', () => {
  it('readTokenTimes() moves exp onto the page clock when iat lies outside the round trip', () => {
    const ahead = jwt({ iat: NOW_S - 600, exp: NOW_S - 300 }); // issued 10 min ago by the page clock
    expect(readTokenTimes(ahead, undefined, NOW, NOW - 500)).toEqual({
      expiresAt: NOW - 500 + 299_000,
      lifetimeMs: 300_000,
    });
    const behind = jwt({ iat: NOW_S + 600, exp: NOW_S + 900 });
    expect(readTokenTimes(behind, undefined, NOW, NOW - 500)).toEqual({
      expiresAt: NOW - 500 - 1000 + 300_000,
      lifetimeMs: 300_000,
    });
  });

  it('readTokenTimes() keeps exp as it is when iat lies in the round trip, or is missing or unusable', () => {
    const issuedNow = jwt({ iat: NOW_S, exp: NOW_S + 300 });
    expect(readTokenTimes(issuedNow, undefined, NOW, NOW - 500)).toEqual(
      times(NOW + 300_000, 300_000),
    );
    for (const iat of [undefined, NOW_S - 300, NOW_S - 200]) {
      const token = jwt({ iat, exp: NOW_S - 300 }); // no iat, iat = exp, iat after exp
      expect(readTokenTimes(token, undefined, NOW, NOW - 500).expiresAt)
        .withContext(`iat ${iat}`)
        .toBe(NOW - 300_000);
    }
  });

  it("readTokenTimes() counts an opaque token's expiresIn from now, with or without sentAt", () => {
    expect(readTokenTimes('opaque', 300, NOW, NOW - 500)).toEqual(times(NOW + 300_000, 300_000));
  });
});

const UNKNOWN: TokenTimes = { expiresAt: null, lifetimeMs: null };

/** A test JWT with exactly these claims (`createTestJwt`'s own sub/iat/exp left out). */
function jwt(claims: Record<string, unknown>): string {
  return createTestJwt({ claims: { sub: undefined, iat: undefined, exp: undefined, ...claims } });
}

function times(expiresAt: number | null, lifetimeMs: number | null): TokenTimes {
  return { expiresAt, lifetimeMs };
}
