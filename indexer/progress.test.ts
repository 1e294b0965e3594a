import { describe, expect, it } from 'vitest';
import { eachCounted, Progress } from './progress.ts';

describe('progress', () => {
  it('writes plain, throttled lines when not on a terminal', () => {
    const out: string[] = [];
    const sink = { write: (s: string) => out.push(s) } as unknown as NodeJS.WritableStream;
    const p = new Progress(sink, false, 60_000);
    p.step('astro build');
    p.update(1, 10, 'pages');
    p.update(2, 10, 'pages');
    p.line('done');
    expect(out.join('')).toMatch(/^▶ astro build\n  astro build: 1\/10 pages \(0 s\)\n  done\n$/);
  });
  it('redraws one line with a bar on a terminal', () => {
    const out: string[] = [];
    const sink = { write: (s: string) => out.push(s), columns: 80 } as unknown as NodeJS.WritableStream;
    const p = new Progress(sink, true);
    p.step('index');
    p.update(5, 10, 'x');
    p.update(10, 10, 'x');
    expect(out[1]).toMatch(/^\r {2}\[█{12}░{12}\] 5\/10 x/);
    expect(out[2]).toMatch(/\[█{24}\] 10\/10/);
  });
  it('redraws at most ten times a second, but always the last record', () => {
    const out: string[] = [];
    const sink = { write: (s: string) => out.push(s), columns: 80 } as unknown as NodeJS.WritableStream;
    const p = new Progress(sink, true);
    p.step('pagefind: adding records');
    for (let i = 1; i <= 10_000; i++) p.update(i, 10_000, 'documents');
    const draws = out.filter((s) => s.startsWith('\r'));
    expect(draws.length).toBeLessThan(50); // 10,000 updates in well under a few seconds
    expect(draws.at(-1)).toMatch(/10000\/10000 documents/);
  });
  it('ticks a silent step without a count, and stops when told', async () => {
    const out: string[] = [];
    const sink = { write: (s: string) => out.push(s) } as unknown as NodeJS.WritableStream;
    const p = new Progress(sink, false, 0);
    p.step('pagefind: writing the index of 9 documents');
    const stop = p.ticking('still writing');
    await new Promise((r) => setTimeout(r, 1100));
    stop();
    const lines = out.join('').split('\n').filter((l) => l.includes('still writing'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toBe('  pagefind: writing the index of 9 documents: still writing (0 s)');
    const after = out.length;
    await new Promise((r) => setTimeout(r, 1100));
    expect(out.length).toBe(after);
  });
  it('eachCounted yields every document and counts them against the array length', async () => {
    const out: string[] = [];
    const sink = { write: (s: string) => out.push(s), columns: 80 } as unknown as NodeJS.WritableStream;
    const seen: string[] = [];
    for await (const d of eachCounted(['a', 'b', 'c'], new Progress(sink, true), 'adding')) seen.push(d);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(out[0]).toMatch(/adding/);
    expect(out.at(-1)).toMatch(/3\/3 documents/);
    const none: string[] = [];
    for await (const d of eachCounted(new Set(['x']), undefined, 'quiet')) none.push(d);
    expect(none).toEqual(['x']);
  });
});
