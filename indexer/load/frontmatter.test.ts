import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from './frontmatter.ts';

describe('splitFrontmatter', () => {
  it('splits the YAML from the body and maps fields to file lines', () => {
    const r = splitFrontmatter('---\ntitle: Решение\ncourt: x\n---\n# Текст\n\nАбзац.\n');
    expect(r.frontmatter?.data).toEqual({ title: 'Решение', court: 'x' });
    expect(r.frontmatter?.lineOf(['court'])).toBe(3);
    expect(r.body).toBe('# Текст\n\nАбзац.\n');
    expect(r.bodyLine).toBe(5);
  });

  it('handles CRLF files and an empty body', () => {
    const r = splitFrontmatter('---\r\ndate: 2023-05-14\r\n---\r\n');
    expect(r.frontmatter?.data).toEqual({ date: '2023-05-14' });
    expect(r.body).toBe('');
  });

  it('finds no frontmatter when the block is missing or never closed', () => {
    expect(splitFrontmatter('Текст без полей').frontmatter).toBeNull();
    expect(splitFrontmatter('---\ntitle: x\nТекст').frontmatter).toBeNull();
    expect(splitFrontmatter('\n---\ntitle: x\n---\n').frontmatter).toBeNull();
  });

  it('reports YAML errors on the line of the file', () => {
    const r = splitFrontmatter('---\ntitle: x\ntitle: y\n---\nТекст');
    expect(r.frontmatter?.errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/^malformed YAML: .*unique/i) });
  });
});
