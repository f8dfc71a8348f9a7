// Runs a schedule of steps against the real interceptor and service (single-tab, mocked clock)
// and checks the invariants of issue 7 after every step and after draining. A recorder placed
// after tokenRefreshInterceptor sees every request at the moment it leaves, with the clock of
// that moment. Violations are collected and thrown as one Error, so fast-check can shrink.
import {
  HttpClient,
  HttpInterceptorFn,
  HttpRequest,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { config as rxjsConfig, defer } from 'rxjs';
import {
  SessionStatus,
  TokenService,
  TokenStorage,
  provideTokenRefresh,
  tokenRefreshInterceptor,
} from '../src/public-api';
import { TokenLedger } from './schedule-ledger';
import {
  ALLOWED_ORIGIN,
  Call,
  Step,
  bodyOf,
  describeStep,
  isTypedError,
  reply,
  urlOf,
} from './schedule-steps';
import { REFRESH_URL, isOpen, record } from './spec-helpers';

const START = Date.UTC(2030, 0, 1);

export interface ScheduleOptions {
  /** Check only the invariants about where tokens go (security.spec.ts). */
  leaksOnly?: boolean;
  storage?: TokenStorage;
}

/** What left the app: every request, at the moment the testing backend received it. */
export interface Sent {
  readonly request: HttpRequest<unknown>;
  readonly at: number;
}

export class Schedule {
  /** How often interesting situations came up, over all schedules: evidence of coverage. */
  static readonly tally = new Map<string, number>();
  readonly http: HttpClient;
  readonly backend: HttpTestingController;
  readonly tokens: TokenService;
  readonly sent: Sent[] = [];
  readonly calls: Call[] = [];
  readonly ledger = new TokenLedger();
  private _open: TestRequest[] = [];
  private readonly _problems: string[] = [];
  private readonly _trace: string[] = [];
  private readonly _unhandled = rxjsConfig.onUnhandledError;
  private _cleared = false;
  private _serial = 0;

  constructor(private readonly _options: ScheduleOptions = {}) {
    jasmine.clock().install();
    try {
      jasmine.clock().mockDate(new Date(START));
      rxjsConfig.onUnhandledError = (error) => this._problem(`unhandled error: ${String(error)}`);
      const recorder: HttpInterceptorFn = (req, next) =>
        defer(() => {
          this._onSend(req);
          return next(req);
        });
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({
        providers: [
          provideHttpClient(withInterceptors([tokenRefreshInterceptor, recorder])),
          provideHttpClientTesting(),
          provideTokenRefresh({
            refreshUrl: REFRESH_URL,
            crossTab: false,
            allowedOrigins: [ALLOWED_ORIGIN],
            leewaySeconds: 30,
            refreshTimeoutMs: 5_000,
            ...(_options.storage ? { storage: _options.storage } : {}),
          }),
        ],
      });
      this.http = TestBed.inject(HttpClient);
      this.backend = TestBed.inject(HttpTestingController);
      this.tokens = TestBed.inject(TokenService);
    } catch (error) {
      this.dispose();
      throw error;
    }
  }

  dispose(): void {
    rxjsConfig.onUnhandledError = this._unhandled;
    jasmine.clock().uninstall();
  }

  /** Whether the step has something to act on (an open request, a waiting caller). */
  canRun(step: Step): boolean {
    if (step.kind === 'answer') return this._open.some((r) => r.request.url !== REFRESH_URL);
    if (step.kind === 'answer-refresh') return this._openRefreshes() > 0;
    if (step.kind === 'unsubscribe')
      return this.calls.some((c) => !c.unsubscribed && isOpen(c.outcome));
    return true;
  }

  /** Runs one step, then checks the invariants that hold after every step. */
  run(step: Step): void {
    this._trace.push(describeStep(step));
    const before = this.tokens.status();
    const mayEnd = this._apply(step);
    this._collect();
    if (this._openRefreshes() > 1)
      this._problem(`${this._openRefreshes()} refresh calls in flight`);
    const after = this.tokens.status();
    if (before !== 'expired' && after === 'expired' && !mayEnd) {
      this._problem(`the session ended ('expired') on a transient event`);
    }
    if (after !== 'authenticated') this.ledger.retire();
    if (
      this._cleared &&
      step.kind !== 'login' &&
      (after !== 'anonymous' || this.tokens.accessToken())
    ) {
      this._problem(`after clear() the session came back: status '${after}'`);
    }
    this._raise();
  }

  /** Answers everything still open (bounded) and checks that no caller was left hanging. */
  drain(): void {
    for (let step = 0; step < 500 && this._open.length > 0; step++) {
      const refreshing = this._open.some((request) => request.request.url === REFRESH_URL);
      this.run(
        refreshing
          ? { kind: 'answer-refresh', reply: 'rotate', lifetime: 600 }
          : { kind: 'answer', pick: 0, reply: 'ok' },
      );
    }
    if (this._open.length > 0)
      this._problem(`${this._open.length} requests still open after draining`);
    for (const call of this.calls) {
      const { completed, error } = call.outcome;
      const what = call.url ?? 'a refresh() caller';
      if (!call.unsubscribed && !completed && error === undefined) this._problem(`${what} hangs`);
      if (error !== undefined && !isTypedError(error))
        this._problem(`${what} got ${String(error)}`);
    }
    this._raise();
  }

  /** Applies a step; returns whether it may end the session (a definitive failure). */
  private _apply(step: Step): boolean {
    switch (step.kind) {
      case 'send': {
        const id = ++this._serial;
        const url = urlOf(step.origin, id);
        const body = step.method === 'GET' ? null : bodyOf(step.body, id);
        const outcome = record(this.http.request(step.method, url, { body }));
        this.calls.push({ url, origin: step.origin, body, outcome, unsubscribed: false });
        return false;
      }
      case 'refresh': {
        const outcome = record(this.tokens.refresh());
        this.calls.push({ url: null, origin: null, body: null, outcome, unsubscribed: false });
        return this.ledger.refreshToken === null;
      }
      case 'answer': {
        const candidates = this._open.filter((request) => request.request.url !== REFRESH_URL);
        if (candidates.length === 0) return false;
        const request = candidates[step.pick % candidates.length];
        this._close(request);
        const isRetry = this.ledger.timesSent(request.request.url) === 2;
        if (step.reply === '401') {
          const sentWith = request.request.headers.get('Authorization');
          const current = this.tokens.accessToken();
          if (isRetry) this._count('401 on a retry');
          else if (sentWith && current && sentWith !== `Bearer ${current}`)
            this._count('stale 401');
        }
        reply(request, step.reply);
        return step.reply === '401' && (isRetry || this.ledger.refreshToken === null);
      }
      case 'answer-refresh':
        return this._answerRefresh(step);
      case 'tick': {
        const refreshing = this.tokens.isRefreshing();
        jasmine.clock().tick(step.ms);
        if (refreshing && !this.tokens.isRefreshing()) this._count('refresh timed out');
        return false;
      }
      case 'unsubscribe': {
        const waiting = this.calls.filter((call) => !call.unsubscribed && isOpen(call.outcome));
        if (waiting.length === 0) return false;
        const call = waiting[step.pick % waiting.length];
        call.unsubscribed = true;
        if (this.tokens.isRefreshing()) this._count('unsubscribe during a refresh');
        call.outcome.subscription.unsubscribe();
        return false;
      }
      case 'clear':
        if (this.tokens.isRefreshing()) this._count('clear() during a refresh');
        this.ledger.retire();
        this._cleared = true;
        this.tokens.clear();
        return false;
      case 'login': {
        if (this.tokens.isRefreshing()) this._count('setTokens() during a refresh');
        this._cleared = false;
        const refreshToken = step.withRefreshToken ? this.ledger.rotate() : null;
        if (!step.withRefreshToken) this.ledger.retire();
        const accessToken = this.ledger.issueAccessToken(step.lifetime);
        this.tokens.setTokens({ accessToken, refreshToken });
        return false;
      }
    }
  }

  private _answerRefresh(step: Extract<Step, { kind: 'answer-refresh' }>): boolean {
    const request = this._open.find((candidate) => candidate.request.url === REFRESH_URL);
    if (!request) return false;
    this._close(request);
    this._count(`refresh answered ${step.reply}`);
    const before = this.tokens.accessToken();
    const outcome = this.ledger.answerRefresh(request, step.reply, step.lifetime);
    const status = this.tokens.status();
    if (outcome === 'definitive' && status !== 'expired') {
      this._problem('a definitive refresh failure kept the session');
    }
    if (
      outcome === 'transient' &&
      (status !== 'authenticated' || this.tokens.accessToken() !== before)
    ) {
      this._problem(`a transient refresh failure (${step.reply}) changed the session`);
    }
    return outcome === 'definitive';
  }

  /** Checks a request as it leaves, with the clock of that moment. */
  private _onSend(request: HttpRequest<unknown>): void {
    const at = Date.now();
    this.sent.push({ request, at });
    if (request.url === REFRESH_URL) {
      this._count('refresh sent');
      this._collect();
      if (this._openRefreshes() > 0)
        this._problem('a refresh call went out while one was in flight');
    } else if (this.ledger.timesSent(request.url) === 1) {
      this._count('retry sent');
    }
    const auth = request.headers.get('Authorization');
    if (auth !== null && (this.ledger.expiresAt(auth) ?? Infinity) - at < 30_000) {
      this._count('sent within the leeway of exp');
    }
    const call = this.calls.find((candidate) => candidate.url === request.url);
    this.ledger.inspect(request, at, call, (message, kind) => this._problem(message, kind));
  }

  /** Takes every request the backend received into `open`, dropping cancelled ones. */
  private _collect(): void {
    this._open.push(...this.backend.match(() => true));
    this._open = this._open.filter((request) => !request.cancelled);
  }

  private _close(request: TestRequest): void {
    this._open = this._open.filter((candidate) => candidate !== request);
  }

  private _openRefreshes(): number {
    return this._open.filter((r) => r.request.url === REFRESH_URL && !r.cancelled).length;
  }

  private _count(situation: string): void {
    Schedule.tally.set(situation, (Schedule.tally.get(situation) ?? 0) + 1);
  }

  private _problem(message: string, kind: 'leak' | 'behaviour' = 'behaviour'): void {
    if (kind === 'leak' || !this._options.leaksOnly) this._problems.push(message);
  }

  private _raise(): void {
    if (this._problems.length === 0) return;
    const status: SessionStatus = this.tokens.status();
    throw new Error(
      `${this._problems.join('; ')}\n  after: ${this._trace.join(', ')}\n  status: ${status}`,
    );
  }
}
