/**
 * docs/action.md shows the comment of the examples run as GitHub renders it. The block must be the comment the code
 * writes today: its headline, every finding (file#Lline and rule, in order) and the cost lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { lintPathsPrepared } from '../../src/engine/index.js';
import { commentBody } from '../../src/github/comment-body.js';
import { renderGfm, visibleText } from './gfm.js';
import { realTools } from '../render/tools.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function docsBlock(): string {
  const page = fs.readFileSync(path.join(ROOT, 'docs/action.md'), 'utf8');
  const start = page.indexOf('```text\n', page.indexOf('### What a reader sees'));
  return page.slice(start + 8, page.indexOf('\n```', start + 8));
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('docs/action.md: the comment of the examples run', () => {
  it('is the comment the code writes for the examples', async () => {
    // The real helm and kubectl the test setup unpacked, so that the charts and overlays render here as on a runner.
    const tools = realTools();
    const { config } = loadConfig(ROOT, undefined, { render: { helm: tools.helm, kustomize: tools.kubectl } });
    const result = await lintPathsPrepared(ROOT, ['examples'], { config });
    const links = { serverUrl: 'https://github.com', owner: 'acme', repo: 'shop', headSha: '4f2c1e9', runUrl: 'https://github.com/acme/shop/actions/runs/1234' };
    const body = commentBody({ result, options: { surface: 'action', failOn: 'error', fixMode: 'off' }, links, scope: `the ${result.files.length} files pull request #42 changes` });
    const text = visibleText(renderGfm(body)).replace(/\u200b/g, '');
    const block = flat(docsBlock().replace(/❌/g, ':x:').replace(/⚠️/g, ':warning:').replace(/ℹ️/g, ':information_source:'));

    const headline = text.slice(0, text.indexOf('\n\n')).trim();
    expect(block.startsWith(flat(headline))).toBe(true);
    const items = [...body.matchAll(/^- :\w+: \[([^\]]+#L\d+)\]\([^)]*\) \[`([\w-]+)`\]/gm)].map((m) => `${m[1]} ${m[2]}:`);
    expect(items).toHaveLength(result.findings.length);
    let at = 0;
    for (const item of items) {
      const found = block.indexOf(item, at);
      expect(found).toBeGreaterThan(at - 1);
      at = found;
    }
    expect(block).toContain(flat(text.slice(text.indexOf('One NAT gateway'), text.indexOf('\n', text.indexOf('One NAT gateway')))));
  });
});
