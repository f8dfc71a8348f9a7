// A panel of horizontal bars on a linear scale, one per option, the value printed at the end.
import { line, rect, text } from './svg.mjs';

/**
 * @param {{ x: number, y: number, width: number, height: number, title: string,
 *   bars: { label: string, value: number, display: string, color: string }[] }} panel
 */
export function horizontalBars({ x, y, width, height, title, bars }) {
  const labelWidth = 200;
  const left = x + labelWidth;
  const right = x + width - 70;
  const top = y + 28;
  const rowHeight = Math.min(24, (height - 32) / bars.length);
  const maxValue = Math.max(...bars.map((bar) => bar.value), 1e-9);
  const parts = [text(x, y + 14, title, 'class="title"')];
  parts.push(line(left, top - 4, left, top + rowHeight * bars.length, '#999'));
  bars.forEach((bar, i) => {
    const rowY = top + i * rowHeight;
    const barWidth = ((right - left) * Math.max(bar.value, 0)) / maxValue;
    parts.push(
      text(left - 8, rowY + rowHeight * 0.65, bar.label, 'class="label" text-anchor="end"'),
    );
    parts.push(
      rect(left, rowY + 3, barWidth, rowHeight - 6, bar.color, `${bar.label}: ${bar.display}`),
    );
    parts.push(text(left + barWidth + 6, rowY + rowHeight * 0.65, bar.display, 'class="tick"'));
  });
  return parts.join('\n');
}
