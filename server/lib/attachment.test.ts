import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition } from './attachment';

describe('file names of uploads', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\ana\\oferta.pdf', 'oferta.pdf'],
    ['a\r\nb.txt', 'ab.txt'],
    ['..', 'file'],
    ['', 'file'],
    [undefined, 'file'],
    ['x'.repeat(300), 'x'.repeat(200)],
  ])('%j is kept as %j', (raw, expected) => {
    expect(cleanFileName(raw)).toBe(expected);
  });

  it('sends the exact name in filename* and a harmless ASCII fallback', () => {
    expect(contentDisposition('informe "final"; año 2026.pdf')).toBe(
      `attachment; filename="informe _final_; a_o 2026.pdf"; filename*=UTF-8''informe%20%22final%22%3B%20a%C3%B1o%202026.pdf`,
    );
    expect(contentDisposition("it's (v2)*.txt")).toBe(`attachment; filename="it's (v2)*.txt"; filename*=UTF-8''it%27s%20%28v2%29%2A.txt`);
    // Whatever the name, the header stays one line.
    expect(contentDisposition(cleanFileName('evil\r\nSet-Cookie: x=1.html'))).not.toMatch(/[\r\n]/);
  });
});
