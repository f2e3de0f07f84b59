import pc from 'picocolors';

/** Where a command reads and writes; tests pass their own. */
export interface CliIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

export interface Style {
  readonly color: boolean;
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

/** Colour on a terminal, plain text otherwise (and when NO_COLOR is set, https://no-color.org). */
export function styleFor(io: CliIO, forceOff = false): Style {
  const color = !forceOff && Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  const colors = pc.createColors(color);
  return {
    color,
    green: colors.green,
    yellow: colors.yellow,
    red: colors.red,
    cyan: colors.cyan,
    bold: colors.bold,
    dim: colors.dim,
  };
}

export function writeLine(stream: NodeJS.WritableStream, line = ''): void {
  stream.write(`${line}\n`);
}

/** Exit codes of plan and drift, as `terraform plan -detailed-exitcode`. */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_CHANGES = 2;
