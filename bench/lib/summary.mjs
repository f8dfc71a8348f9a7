// Order statistics for the measures: medians over runs, percentiles within a run.

/** The q-quantile (0..1) of `values` with linear interpolation; NaN when empty. */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export const median = (values) => quantile(values, 0.5);

export const min = (values) => (values.length ? Math.min(...values) : NaN);

export const max = (values) => (values.length ? Math.max(...values) : NaN);
