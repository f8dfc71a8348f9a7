import { safeReturnUrl } from './safe-return-url';

describe('safeReturnUrl', () => {
  it('keeps local paths', () => {
    expect(safeReturnUrl('/items?page=2')).toBe('/items?page=2');
  });

  it('falls back to the dashboard for missing, foreign or login URLs', () => {
    for (const url of [null, '', 'https://evil.example', '//evil.example', '/\\evil', '/login']) {
      expect(safeReturnUrl(url)).toBe('/dashboard');
    }
  });
});
