// Progress of a long run on stderr: a redrawn bar on a terminal, one line per stage otherwise (logs and
// CI stay readable), nothing when quiet. stdout is left to results.

export interface Progress {
  /** A new stage; `fraction` is the share of the whole run done when it starts. */
  stage(label: string, fraction: number): void;
  /** Finer progress within the current stage, as a share of the whole run. */
  update(fraction: number, detail?: string): void;
  done(): void;
}

interface Stream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

const WIDTH = 24;

export function createProgress(stream: Stream, quiet: boolean): Progress {
  if (quiet) return { stage: () => undefined, update: () => undefined, done: () => undefined };
  if (!stream.isTTY) {
    return {
      stage: (label) => void stream.write(`sro: ${label}…\n`),
      update: () => undefined,
      done: () => undefined,
    };
  }
  let label = '';
  let drawn = false;
  const draw = (fraction: number, detail?: string) => {
    const f = Math.min(1, Math.max(0, fraction));
    const full = Math.round(f * WIDTH);
    const text = `[${'█'.repeat(full)}${'░'.repeat(WIDTH - full)}] ${String(Math.round(f * 100)).padStart(3)}% ${label}${detail ? ` (${detail})` : ''}`;
    const max = (stream.columns ?? 80) - 1;
    stream.write(`\r${text.length > max ? text.slice(0, max) : text.padEnd(max)}`);
    drawn = true;
  };
  return {
    stage: (l, fraction) => {
      label = l;
      draw(fraction);
    },
    update: (fraction, detail) => draw(fraction, detail),
    done: () => {
      if (drawn) stream.write(`\r${' '.repeat((stream.columns ?? 80) - 1)}\r`);
    },
  };
}
