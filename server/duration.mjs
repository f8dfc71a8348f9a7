// Parses human durations such as `500ms`, `10s`, `2m`, `1h` or plain seconds (`30`) into ms.

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * @param {string | number | undefined} value
 * @param {number} fallbackMs used when value is undefined or empty
 * @returns {number} milliseconds
 */
export function parseDuration(value, fallbackMs) {
  if (value === undefined || value === null || String(value).trim() === '') return fallbackMs;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(String(value).trim());
  if (!match) {
    throw new Error(`Invalid duration "${value}" (use e.g. 500ms, 10s, 2m, 1h or plain seconds)`);
  }
  const unit = (match[2] ?? 's').toLowerCase();
  const ms = Math.round(Number(match[1]) * UNIT_MS[unit]);
  if (ms <= 0) throw new Error(`Duration "${value}" must be greater than zero`);
  return ms;
}
