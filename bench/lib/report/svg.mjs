// Tiny SVG building blocks for the chart (strings in, strings out).

export const escapeXml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const text = (x, y, content, attributes = '') =>
  `<text x="${round(x)}" y="${round(y)}" ${attributes}>${escapeXml(content)}</text>`;

export const rect = (x, y, width, height, fill, title = '') =>
  `<rect x="${round(x)}" y="${round(y)}" width="${round(Math.max(width, 0))}" ` +
  `height="${round(Math.max(height, 0))}" fill="${fill}">` +
  (title ? `<title>${escapeXml(title)}</title>` : '') +
  '</rect>';

export const line = (x1, y1, x2, y2, stroke = '#ccc') =>
  `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${stroke}"/>`;

const round = (value) => Math.round(value * 10) / 10;
