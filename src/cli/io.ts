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
  quietWhenReaderLeaves(process.stdout);
  quietWhenReaderLeaves(process.stderr);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

const quieted = new WeakSet<NodeJS.WritableStream>();

/**
 * When the reader of a pipe goes away (`gh-interactions drift … | head -1`), the next write fails
 * with EPIPE, an 'error' event that would crash the process with a stack trace. Unix tools stop
 * quietly then; so does this: the stream is closed, later writes to it are dropped, and the
 * command finishes with its own exit code (drift's 2 still says "drift found", and an apply
 * under way is not left half done). Any other error on the stream still surfaces.
 */
function quietWhenReaderLeaves(stream: NodeJS.WritableStream): void {
  if (quieted.has(stream)) return;
  quieted.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
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
