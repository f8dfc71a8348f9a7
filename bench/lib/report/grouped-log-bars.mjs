// A panel of vertical bars on a log scale: one group per N, one bar per option. Zero is drawn
// as a thin mark on the axis with a "0" label (log scales have no zero).
import { line, rect, text } from './svg.mjs';

/**
 * @param {{ x: number, y: number, width: number, height: number, title: string,
 *   groups: { label: string, bars: { value: number, color: string, title: string }[] }[] }} panel
 */
export function groupedLogBars({ x, y, width, height, title, groups }) {
  const top = y + 28;
  const bottom = y + height - 24;
  const left = x + 44;
  const values = groups.flatMap((group) => group.bars.map((bar) => bar.value));
  const maxDecade = Math.max(1, Math.ceil(Math.log10(Math.max(1, ...values))));
  const scale = (value) =>
    bottom - ((bottom - top) * Math.log10(value + 1)) / Math.log10(10 ** maxDecade + 1);
  const parts = [text(x, y + 14, title, 'class="title"')];
  for (let decade = 0; decade <= maxDecade; decade++) {
    const value = 10 ** decade;
    parts.push(line(left, scale(value), x + width, scale(value), '#e4e4e4'));
    parts.push(
      text(
        left - 6,
        scale(value) + 4,
        value.toLocaleString('en-US'),
        'class="tick" text-anchor="end"',
      ),
    );
  }
  parts.push(line(left, bottom, x + width, bottom, '#999'));
  parts.push(text(left - 6, bottom + 4, '0', 'class="tick" text-anchor="end"'));
  const groupWidth = (x + width - left) / groups.length;
  groups.forEach((group, g) => {
    const barWidth = (groupWidth - 16) / group.bars.length;
    const start = left + g * groupWidth + 8;
    group.bars.forEach((bar, b) => {
      const barX = start + b * barWidth;
      const barTop = bar.value > 0 ? scale(bar.value) : bottom - 1.5;
      parts.push(rect(barX, barTop, barWidth - 2, bottom - barTop, bar.color, bar.title));
    });
    parts.push(
      text(
        start + (groupWidth - 16) / 2,
        bottom + 16,
        group.label,
        'class="tick" text-anchor="middle"',
      ),
    );
  });
  return parts.join('\n');
}
