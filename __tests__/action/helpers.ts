import { jest } from '@jest/globals';

/** Captures what @actions/core writes to stdout (workflow commands and log lines) while `fn` runs. */
export function captureStdout(fn: () => void): string[] {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write);
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('').split(/\r?\n/).filter((l) => l !== '');
}

/** Sets INPUT_* variables as the runner does (name upper-cased, dashes kept) and returns a function that restores them. */
export function withInputs(inputs: Record<string, string>): () => void {
  const saved = Object.entries(process.env).filter(([k]) => k.startsWith('INPUT_'));
  for (const [k] of saved) delete process.env[k];
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  return () => {
    for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
    for (const [k, v] of saved) process.env[k] = v;
  };
}
