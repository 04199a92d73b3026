import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
/** tsx resolved from the repo, so the CLI can run with any working directory. */
const TSX = import.meta.resolve('tsx');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source (through tsx), as a user would run `ascribe …`. */
export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
