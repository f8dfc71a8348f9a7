import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import * as fc from 'fast-check';
import { Schedule } from '../spec/schedule';
import {
  LIFETIMES,
  Step,
  describeStep,
  propertyParameters,
  stepArbitrary,
} from '../spec/schedule-steps';
import {
  REFRESH_URL,
  authOf,
  jwtExpiringIn,
  record,
  setup,
  unauthorized,
  withMockClock,
} from '../spec/spec-helpers';

// Found by this property (seed 20260107, shrunk): a 401 that arrives after another request's
// refresh was retried at once with the session's current token, without checking whether that
// token had expired meanwhile. See the regression spec at the end of this file.
/** One step of a schedule as a fast-check command, so failing schedules shrink step by step. */
class StepCommand implements fc.Command<Schedule, Schedule> {
  constructor(private readonly _step: Step) {}
  /** Steps with nothing to act on are skipped (the schedule is its own model). */
  check(schedule: Readonly<Schedule>): boolean {
    return schedule.canRun(this._step);
  }
  run(_model: Schedule, schedule: Schedule): void {
    schedule.run(this._step);
  }
  toString(): string {
    return describeStep(this._step);
  }
}

// CI: 1,000 schedules with a fixed seed. `node scripts/property-run.mjs --runs N --seed S` widens
// the run, or replays a failure with the `path` and `replayPath` fast-check printed for it.
const { numRuns, seed, path, replayPath } = propertyParameters({ runs: 1_000, seed: 20_260_107 });
const schedules = fc.commands([stepArbitrary.map((step) => new StepCommand(step))], {
  maxCommands: 100,
  size: 'max',
  ...(replayPath ? { replayPath } : {}),
});

describe('token refresh under random schedules (property-based, single tab)', () => {
  beforeAll(() => {
    Schedule.tally.clear();
    console.log(`[property] seed=${seed} numRuns=${numRuns}`);
  });
  afterAll(() => console.log(`[property] situations: ${JSON.stringify([...Schedule.tally])}`));

  it(
    'keeps every invariant: one refresh at a time, no hang, one retry, no token leak or expired ' +
      'token, sessions end only on definitive failures, clear() is final, no reused refresh token',
    async () => {
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...LIFETIMES), schedules, async (lifetime, commands) => {
          // Let Karma's socket breathe during long runs (the clock is not mocked here).
          if (++runs % 250 === 0) await new Promise((resolve) => setTimeout(resolve));
          const schedule = new Schedule();
          try {
            schedule.run({ kind: 'login', lifetime, withRefreshToken: true });
            fc.modelRun(() => ({ model: schedule, real: schedule }), commands);
            schedule.drain();
          } finally {
            schedule.dispose();
          }
        }),
        { numRuns, seed, ...(path ? { path } : {}) },
      );
      expect(runs).toBeGreaterThanOrEqual(numRuns);
    },
    Math.max(60_000, numRuns * 50),
  );
});

describe('regressions found by the random schedules', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('refreshes before retrying a stale 401 when the current token has expired meanwhile', () => {
    withMockClock((clock) => {
      const { http, backend, tokens } = setup({ leewaySeconds: 30 });
      tokens.setTokens({ accessToken: jwtExpiringIn(600, 'first'), refreshToken: 'R1' });
      const slow = record(http.get('/api/slow'));
      const first = backend.expectOne('/api/slow');
      tokens.refresh().subscribe();
      const shortLived = jwtExpiringIn(20, 'short-lived');
      backend.expectOne(REFRESH_URL).flush({ accessToken: shortLived, refreshToken: 'R2' });
      clock.tick(31_000); // shortLived expired 11 s ago; the first request was still out
      unauthorized(first);

      const refresh = backend.expectOne(REFRESH_URL);
      expect(refresh.request.body).toEqual({ refreshToken: 'R2' });
      const fresh = jwtExpiringIn(600, 'fresh');
      refresh.flush({ accessToken: fresh });
      const retry = backend.expectOne('/api/slow');
      expect(authOf(retry)).toBe(`Bearer ${fresh}`);
      retry.flush('ok');
      expect(slow.values).toEqual(['ok']);
    });
  });
});
