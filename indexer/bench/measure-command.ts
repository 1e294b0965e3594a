import { spawn } from 'node:child_process';
import { RssSampler } from './rss.ts';

export interface CommandRun {
  code: number | null;
  /** The signal that ended the command, if one did (a kill, the OOM killer). */
  signal: NodeJS.Signals | null;
  seconds: number;
  peakRssBytes: number;
  /** The last lines of output, for the error message when the command fails. */
  tail: string[];
}

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Every line of stdout and stderr, as it comes. */
  onLine?: (line: string) => void;
  sampleMs?: number;
}

/**
 * Runs a command to completion while sampling the RSS of its whole process tree; never throws on a
 * non-zero exit (the caller decides), only when the command cannot be started.
 */
export function measureCommand(command: string, args: string[], options: CommandOptions = {}): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      child.once('error', reject);
      return;
    }
    const sampler = new RssSampler(child.pid, options.sampleMs ?? 250).start();
    const tail: string[] = [];
    const feed = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) take(line);
      });
      stream.on('end', () => rest && take(rest));
    };
    const take = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      options.onLine?.(line);
    };
    feed(child.stdout!);
    feed(child.stderr!);
    child.once('error', (error) => {
      sampler.stop();
      reject(error);
    });
    child.once('close', (code, signal) => {
      resolve({ code, signal, seconds: (performance.now() - started) / 1000, peakRssBytes: sampler.stop(), tail });
    });
  });
}
