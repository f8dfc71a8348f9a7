// Fault-injection settings (latency, failing refreshes, outages) and the /api fault middleware.
import { setTimeout as sleep } from 'node:timers/promises';

const NUMBER_KEYS = ['latencyMs', 'refreshLatencyMs', 'failNextRefreshes', 'downForMs'];
const FAIL_MODES = ['500', 'drop'];

/** Thrown by merge() for an invalid patch. */
export class FaultSettingsError extends Error {}

/**
 * @param {{ latencyMs?: number }} initial defaults restored by reset() (e.g. from LATENCY_MS)
 */
export function createFaults(initial = {}) {
  const defaults = {
    latencyMs: initial.latencyMs ?? 0,
    refreshLatencyMs: 0,
    failNextRefreshes: 0,
    failMode: '500',
    refreshUnavailable: false,
  };
  let settings = { ...defaults };
  let downUntil = 0;

  function get() {
    return { ...settings, downForMs: Math.max(0, downUntil - Date.now()) };
  }

  /** Merges a patch such as { failNextRefreshes: 2, failMode: 'drop' }; returns get(). */
  function merge(patch) {
    if (!patch || typeof patch !== 'object' || Array.isArray(patch)) {
      throw new FaultSettingsError('body must be a JSON object');
    }
    const next = { ...settings };
    let nextDownUntil = downUntil;
    for (const [key, value] of Object.entries(patch)) {
      if (NUMBER_KEYS.includes(key)) {
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
          throw new FaultSettingsError(`${key} must be a number >= 0`);
        }
        if (key === 'downForMs') nextDownUntil = value > 0 ? Date.now() + value : 0;
        else next[key] = value;
      } else if (key === 'failMode') {
        if (!FAIL_MODES.includes(String(value))) {
          throw new FaultSettingsError('failMode must be "500" or "drop"');
        }
        next.failMode = String(value);
      } else if (key === 'refreshUnavailable') {
        if (typeof value !== 'boolean') throw new FaultSettingsError(`${key} must be a boolean`);
        next.refreshUnavailable = value;
      } else {
        throw new FaultSettingsError(`unknown fault "${key}"`);
      }
    }
    settings = next;
    downUntil = nextDownUntil;
    return get();
  }

  function reset() {
    settings = { ...defaults };
    downUntil = 0;
  }

  /** Consumes one pending refresh failure; returns the fail mode or null. */
  function takeRefreshFailure() {
    if (settings.failNextRefreshes <= 0) return null;
    settings.failNextRefreshes -= 1;
    return settings.failMode;
  }

  return {
    get,
    merge,
    reset,
    takeRefreshFailure,
    isDown: () => Date.now() < downUntil,
    get latencyMs() {
      return settings.latencyMs;
    },
    get refreshLatencyMs() {
      return settings.refreshLatencyMs;
    },
    get refreshUnavailable() {
      return settings.refreshUnavailable;
    },
  };
}

/**
 * Express middleware for /api: drops the socket while "down" and adds latency. Control
 * endpoints (/api/_*) are exempt from both so tests can always observe and repair the server.
 */
export function faultMiddleware(faults) {
  return async (req, res, next) => {
    if (req.path.startsWith('/_')) return next();
    if (faults.isDown()) return req.socket.destroy();
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    next();
  };
}
