// Number formatting and Markdown tables for the report.

export const int = (value) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–';

export const ms = (value) =>
  !Number.isFinite(value)
    ? '–'
    : value < 10
      ? value.toFixed(1)
      : Math.round(value).toLocaleString('en-US');

export const ns = (value) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–';

export const times = (value) =>
  Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)}×` : '–';

export const kb = (bytes) => {
  if (!Number.isFinite(bytes)) return '–';
  const value = bytes / 1024;
  return Math.abs(value) >= 100 ? `${int(value)} KB` : `${value.toFixed(1)} KB`;
};

export const range = ([low, high]) => (low === high ? int(low) : `${int(low)}–${int(high)}`);

/** A Markdown table; `align` is a string of l/r per column. */
export function table(header, rows, align = '') {
  const sep = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [header, sep, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
