// What the two baseline children share: the files the CLI would read, and each one's text.

import fs from 'node:fs';
import path from 'node:path';

const NEVER_WALK = new Set(['.git', 'node_modules']);

/** Files under `folder` whose name matches `pattern`, up to `maxBytes`, walked as the CLI does (sorted). */
export function listFiles(folder, pattern, maxBytes) {
  const out = [];
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir).sort()) {
      if (NEVER_WALK.has(name)) continue;
      const full = path.join(dir, name);
      const stat = fs.statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile() && pattern.test(name) && stat.size <= maxBytes) out.push(full);
    }
  };
  walk(path.resolve(folder));
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's UTF-8 text with its size and read time; undefined for a file that is not UTF-8 (the CLI skips it). */
export function readText(file) {
  const t = performance.now();
  const data = fs.readFileSync(file);
  try {
    const text = utf8.decode(data);
    return { text, bytes: data.length, ms: performance.now() - t };
  } catch {
    return undefined;
  }
}
