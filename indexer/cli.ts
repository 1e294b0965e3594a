import { UsageError } from './commands/args.ts';
import { Progress } from './progress.ts';

/**
 * `taldau <command> [options]`: dispatches to one module per command under `commands/`, loaded on
 * demand so that `taldau cite` does not pay for loading the Pagefind or Elasticsearch clients.
 */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input as text (for filters such as `cite` and `redact`). */
  readStdin: () => Promise<string>;
  /** Progress of long commands (`index`) on stderr; absent = silent (tests). */
  progress?: Progress;
}

export interface Command {
  summary: string;
  usage: string;
  run: (args: string[], io: CommandIo) => Promise<number>;
}

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  build: { summary: 'build the site; update the last build in place when only texts changed', load: () => import('../site/build/command.ts').then((m) => m.command) },
  validate: { summary: 'check content/ and report every problem', load: () => import('./commands/validate.ts').then((m) => m.command) },
  index: { summary: 'build the search index (pagefind, meilisearch, elasticsearch)', load: () => import('./commands/index.ts').then((m) => m.command) },
  cite: { summary: 'find references to norms, resolutions and cases in text on stdin', load: () => import('./commands/cite.ts').then((m) => m.command) },
  redact: { summary: 'mask personal data in text on stdin', load: () => import('./commands/redact.ts').then((m) => m.command) },
};

export const defaultIo: CommandIo = {
  progress: new Progress(process.stderr),
  stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ['Usage: taldau <command> [options]', '', 'Commands:', ...lines, '', 'Run `taldau <command> --help` for its options.'].join('\n');
}

export async function main(argv: string[], io: CommandIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(`taldau: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`taldau ${name}: ${error.message}\n\n${command.usage}`);
    return 2;
  }
}
