// Counters for the leak specs: live rxjs subscriptions (every Observable.prototype.subscribe that
// has not been torn down yet), live timers (setTimeout not yet fired or cleared, setInterval not
// yet cleared) and live event listeners (added and not removed), installed for one spec only.
import { Observable, Subscription } from 'rxjs';

export interface LiveCounts {
  subscriptions: number;
  timeouts: number;
  intervals: number;
  /** Live listeners by the target's class name, e.g. `{ AbortSignal: 0 }`. */
  listeners: Record<string, number>;
}

/** How many subscriptions, timers and listeners were created since install: proof of exercise. */
export interface CreatedCounts {
  subscriptions: number;
  timers: number;
  listeners: number;
}

export interface LeakProbes {
  counts(): LiveCounts;
  created(): CreatedCounts;
  restore(): void;
}

type TimerHandler = (...args: unknown[]) => void;
type Listener = EventListenerOrEventListenerObject | null;

/**
 * Instruments subscribe, the timer functions and addEventListener. Install it after
 * `jasmine.clock().install()` (if any) and restore it before uninstalling the clock.
 */
export function installLeakProbes(): LeakProbes {
  const scope = globalThis as unknown as Record<
    'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval',
    (...args: unknown[]) => unknown
  >;
  const originals = {
    subscribe: Observable.prototype.subscribe,
    setTimeout: scope.setTimeout,
    clearTimeout: scope.clearTimeout,
    setInterval: scope.setInterval,
    clearInterval: scope.clearInterval,
    addEventListener: EventTarget.prototype.addEventListener,
    removeEventListener: EventTarget.prototype.removeEventListener,
  };
  let subscriptions = 0;
  const created: CreatedCounts = { subscriptions: 0, timers: 0, listeners: 0 };
  const timeouts = new Set<unknown>();
  const intervals = new Set<unknown>();
  const listeners = new Map<EventTarget, Set<string>>();
  const listenerIds = new WeakMap<object, number>();
  let nextListenerId = 0;
  const keyOf = (type: string, listener: Listener, options?: boolean | EventListenerOptions) => {
    if (listener && !listenerIds.has(listener)) listenerIds.set(listener, ++nextListenerId);
    const capture = typeof options === 'boolean' ? options : !!options?.capture;
    return `${type}/${listener ? listenerIds.get(listener) : 0}/${capture}`;
  };

  Observable.prototype.subscribe = function (this: Observable<unknown>, ...args: unknown[]) {
    const subscription = (originals.subscribe as (...a: unknown[]) => Subscription).apply(
      this,
      args,
    );
    created.subscriptions++;
    if (!subscription.closed) {
      subscriptions++;
      subscription.add(() => subscriptions--);
    }
    return subscription;
  } as typeof Observable.prototype.subscribe;

  scope.setTimeout = (handler: unknown, ...rest: unknown[]) => {
    const id: unknown = originals.setTimeout.call(
      globalThis,
      (...args: unknown[]) => {
        timeouts.delete(id);
        if (typeof handler === 'function') (handler as TimerHandler)(...args);
      },
      ...rest,
    );
    timeouts.add(id);
    created.timers++;
    return id;
  };
  scope.clearTimeout = (id: unknown) => {
    timeouts.delete(id);
    return originals.clearTimeout.call(globalThis, id);
  };
  scope.setInterval = (...args: unknown[]) => {
    const id = originals.setInterval.call(globalThis, ...args);
    intervals.add(id);
    created.timers++;
    return id;
  };
  scope.clearInterval = (id: unknown) => {
    intervals.delete(id);
    return originals.clearInterval.call(globalThis, id);
  };
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    if (!listeners.has(this)) listeners.set(this, new Set());
    listeners.get(this)!.add(keyOf(type, listener, options));
    created.listeners++;
    return originals.addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (
    this: EventTarget,
    type,
    listener,
    options,
  ) {
    const live = listeners.get(this);
    live?.delete(keyOf(type, listener, options));
    if (live?.size === 0) listeners.delete(this);
    return originals.removeEventListener.call(this, type, listener, options);
  };

  return {
    counts() {
      const byTarget: Record<string, number> = {};
      for (const [target, live] of listeners) {
        const name = target.constructor.name;
        byTarget[name] = (byTarget[name] ?? 0) + live.size;
      }
      return {
        subscriptions,
        timeouts: timeouts.size,
        intervals: intervals.size,
        listeners: byTarget,
      };
    },
    created: () => ({ ...created }),
    restore() {
      Observable.prototype.subscribe = originals.subscribe;
      scope.setTimeout = originals.setTimeout;
      scope.clearTimeout = originals.clearTimeout;
      scope.setInterval = originals.setInterval;
      scope.clearInterval = originals.clearInterval;
      EventTarget.prototype.addEventListener = originals.addEventListener;
      EventTarget.prototype.removeEventListener = originals.removeEventListener;
    },
  };
}

/** The forced garbage collection Chromium exposes with `--js-flags=--expose-gc`, if any. */
export function forcedGc(): (() => void) | null {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? (gc as () => void) : null;
}

/** `performance.memory.usedJSHeapSize` (Chromium only; precise with --enable-precise-memory-info). */
export function usedHeap(): number | null {
  const memory = (performance as { memory?: { usedJSHeapSize?: number } }).memory;
  return typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : null;
}
