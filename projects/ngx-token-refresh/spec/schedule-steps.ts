// The vocabulary of the property specs: one step of a random schedule (a request, an answer from
// the backend, time passing, an unsubscribe, a login, a logout), the fast-check arbitraries that
// generate schedules of them, and what a step's caller may see.
import { HttpErrorResponse } from '@angular/common/http';
import { TestRequest } from '@angular/common/http/testing';
import * as fc from 'fast-check';
import { TimeoutError } from 'rxjs';
import { InvalidRefreshResponseError, SessionExpiredError } from '../src/public-api';
import { Outcome } from './spec-helpers';

export const ALLOWED_ORIGIN = 'https://api.allowed.test';
export const DISALLOWED_ORIGIN = 'https://evil.test';

export type Origin = 'relative' | 'same-origin' | 'allowed' | 'disallowed';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type BodyKind = 'none' | 'json' | 'text' | 'form';
/** How the backend answers an ordinary request. */
export type Reply = 'ok' | '401' | '403' | '500' | 'network';
/** How the refresh endpoint answers. Definitive: '401' and 'invalid_grant'. */
export type RefreshReply =
  'rotate' | 'keep' | 'invalid_grant' | '401' | '500' | 'network' | 'html' | 'invalid_request';

export type Step =
  | {
      readonly kind: 'send';
      readonly method: Method;
      readonly origin: Origin;
      readonly body: BodyKind;
    }
  /** A caller of `TokenService.refresh()` (such as the guard). */
  | { readonly kind: 'refresh' }
  /** Answers one open request (not the refresh call), picked by index among the open ones. */
  | { readonly kind: 'answer'; readonly pick: number; readonly reply: Reply }
  /** Answers the open refresh call, if any; successes issue tokens living `lifetime` seconds. */
  | { readonly kind: 'answer-refresh'; readonly reply: RefreshReply; readonly lifetime: number }
  /** Advances the mocked clock (Date.now() and timers, so rxjs `timeout` fires too). */
  | { readonly kind: 'tick'; readonly ms: number }
  /** Unsubscribes one caller that is still waiting, picked by index among them. */
  | { readonly kind: 'unsubscribe'; readonly pick: number }
  | { readonly kind: 'clear' }
  | { readonly kind: 'login'; readonly lifetime: number; readonly withRefreshToken: boolean };

/** Access token lifetimes in seconds: shorter and longer than the 30 s leeway. */
export const LIFETIMES = [20, 60, 600, 3600] as const;

const send = fc.record({
  kind: fc.constant('send' as const),
  method: fc.constantFrom<Method>('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
  origin: fc.constantFrom<Origin>('relative', 'same-origin', 'allowed', 'disallowed'),
  body: fc.constantFrom<BodyKind>('none', 'json', 'text', 'form'),
});
const answer = fc.record({
  kind: fc.constant('answer' as const),
  pick: fc.nat({ max: 7 }),
  reply: fc.oneof(
    { arbitrary: fc.constant<Reply>('401'), weight: 4 },
    { arbitrary: fc.constant<Reply>('ok'), weight: 3 },
    { arbitrary: fc.constantFrom<Reply>('403', '500', 'network'), weight: 1 },
  ),
});
const answerRefresh = fc.record({
  kind: fc.constant('answer-refresh' as const),
  reply: fc.oneof(
    { arbitrary: fc.constantFrom<RefreshReply>('rotate', 'keep'), weight: 4 },
    {
      arbitrary: fc.constantFrom<RefreshReply>(
        'invalid_grant',
        '401',
        '500',
        'network',
        'html',
        'invalid_request',
      ),
      weight: 3,
    },
  ),
  lifetime: fc.constantFrom(...LIFETIMES),
});
// Small steps, the leeway, the refresh timeout (5 s) and whole token lifetimes.
const tick = fc.record({
  kind: fc.constant('tick' as const),
  ms: fc.oneof(
    { arbitrary: fc.constantFrom(100, 1_000, 2_000), weight: 3 },
    { arbitrary: fc.constantFrom(5_000, 12_000), weight: 2 },
    { arbitrary: fc.constantFrom(31_000, 65_000, 700_000), weight: 2 },
  ),
});
const unsubscribe = fc.record({
  kind: fc.constant('unsubscribe' as const),
  pick: fc.nat({ max: 7 }),
});
const login = fc.record({
  kind: fc.constant('login' as const),
  lifetime: fc.constantFrom(...LIFETIMES),
  withRefreshToken: fc.boolean(),
});

/** One random step, weighted towards requests and answers. */
export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: send, weight: 6 },
  { arbitrary: answer, weight: 6 },
  { arbitrary: answerRefresh, weight: 4 },
  { arbitrary: tick, weight: 3 },
  { arbitrary: unsubscribe, weight: 1 },
  { arbitrary: fc.constant<Step>({ kind: 'refresh' }), weight: 1 },
  { arbitrary: fc.constant<Step>({ kind: 'clear' }), weight: 1 },
  { arbitrary: login, weight: 2 },
);

/** A step as fast-check prints it in a counterexample. */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'send':
      return `send(${step.method} ${step.origin} ${step.body})`;
    case 'answer':
      return `answer(#${step.pick} ${step.reply})`;
    case 'answer-refresh':
      return `answerRefresh(${step.reply}${/rotate|keep/.test(step.reply) ? ` ${step.lifetime}s` : ''})`;
    case 'tick':
      return `tick(${step.ms})`;
    case 'unsubscribe':
      return `unsubscribe(#${step.pick})`;
    case 'login':
      return `login(${step.lifetime}s${step.withRefreshToken ? ' +refresh token' : ''})`;
    default:
      return `${step.kind}()`;
  }
}

/**
 * The run count and seed (CI defaults, or what `scripts/property-run.mjs` passes to Karma), plus
 * the `path` and commands `replayPath` fast-check prints, to replay a failure directly.
 */
export function propertyParameters(defaults: { runs: number; seed: number }): {
  numRuns: number;
  seed: number;
  path?: string;
  replayPath?: string;
} {
  const karma = (globalThis as { __karma__?: { config?: { args?: unknown } } }).__karma__;
  const args = Array.isArray(karma?.config?.args) ? karma.config.args.map(String) : [];
  const value = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const runs = Number(value('runs') ?? defaults.runs);
  const seed = Number(value('seed') ?? defaults.seed);
  const path = value('path');
  const replayPath = value('replay-path');
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaults.runs,
    seed: Number.isInteger(seed) ? seed : defaults.seed,
    ...(path ? { path } : {}),
    ...(replayPath ? { replayPath } : {}),
  };
}

/** A logical request (or a `refresh()` caller, with `url` null) and what its caller saw. */
export interface Call {
  readonly url: string | null;
  readonly origin: Origin | null;
  readonly body: unknown;
  readonly outcome: Outcome<unknown>;
  unsubscribed: boolean;
}

/** The URL the `id`th `send` step requests, on `origin`. */
export function urlOf(origin: Origin, id: number): string {
  return {
    relative: `/api/r${id}`,
    'same-origin': `${location.origin}/api/r${id}`,
    allowed: `${ALLOWED_ORIGIN}/r${id}`,
    disallowed: `${DISALLOWED_ORIGIN}/r${id}`,
  }[origin];
}

/** The body a `send` step posts: JSON, text, a form, or none. */
export function bodyOf(kind: BodyKind, id: number): unknown {
  if (kind === 'json') return { id, items: [id, 'x'] };
  if (kind === 'text') return `body of ${id}`;
  if (kind === 'form') return new URLSearchParams({ id: String(id) });
  return null;
}

/** Answers an ordinary request the way a `Reply` says. */
export function reply(request: TestRequest, answer: Reply): void {
  if (answer === 'ok') return request.flush({ ok: request.request.url });
  if (answer === 'network') return request.error(new ProgressEvent('error'));
  const status = Number(answer);
  request.flush({ error: status === 401 ? 'invalid_token' : 'nope' }, { status, statusText: 'No' });
}

/** The errors a caller may receive: HTTP errors and the library's typed errors. */
export function isTypedError(error: unknown): boolean {
  return [HttpErrorResponse, SessionExpiredError, TimeoutError, InvalidRefreshResponseError].some(
    (type) => error instanceof type,
  );
}
