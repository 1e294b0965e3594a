import type { CommandIo } from '../cli.ts';

/** A CommandIo that records what a command prints. */
export function fakeIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => stdin,
  };
  return { io, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}
