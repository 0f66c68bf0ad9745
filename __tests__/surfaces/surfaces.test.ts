/**
 * Every human-facing Markdown surface (the Markdown format, the pull-request comment, the check run's summary and
 * text, the job summary), rendered as GitHub renders it (GFM) and read back as HTML: no link, image or mention comes
 * from repository content; the headline comes first, the findings before the cost; a large pull request keeps its
 * findings within the size limit; an unknown cost never changes a total.
 */
import { commentBody, pageLinks, type CommentLinks } from '../../src/github/comment-body.js';
import type { LintResult } from '../../src/model/index.js';
import { markdownReport } from '../../src/report/markdown.js';
import { budgetedPage, checkRunOutput, COMMENT_LIMIT, fullPage, type PageInput } from '../../src/report/page.js';
import { costHeadline, workloadLabel } from '../../src/report/presentation.js';
import { textReport } from '../../src/report/text.js';
import { deployment, lintCost } from '../cost/helpers.js';
import { blocks, embeds, hrefs, mentions, renderGfm, visibleText } from './gfm.js';

const LINKS: CommentLinks = { serverUrl: 'https://github.com', owner: 'acme', repo: 'shop', headSha: 'abc123', runUrl: 'https://github.com/acme/shop/actions/runs/7' };
const ALLOWED = [
  'https://github.com/acme/shop/blob/abc123/',
  'https://github.com/eci-egress-lint/eci-egress-lint/blob/main/docs/rules/',
  'https://github.com/acme/shop/actions/runs/7',
];

/** A Deployment whose pods get an EIP, with a name and values written as given (double-quoted in the YAML). */
function eipWorkload(name: string, annotations: Record<string, string> = {}, replicas = 1): string {
  const extra = Object.entries(annotations).map(([k, v]) => `        ${k}: ${JSON.stringify(v)}`);
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${JSON.stringify(name)}`,
    '  namespace: shop',
    'spec:',
    `  replicas: ${replicas}`,
    '  template:',
    '    metadata:',
    '      annotations:',
    '        k8s.aliyun.com/eci-with-eip: "true"',
    ...extra,
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: registry.cn-hangzhou.aliyuncs.com/acme/app:1.0',
    '',
  ].join('\n');
}

/** A Deployment with the EIP key on its own metadata: one eip-misplaced finding that names the workload. */
function misplaced(name: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${JSON.stringify(name)}`,
    '  namespace: shop',
    '  annotations:',
    '    k8s.aliyun.com/eci-with-eip: "true"',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: registry.cn-hangzhou.aliyuncs.com/acme/app:1.0',
    '',
  ].join('\n');
}

const HOSTILE = [
  '[z](http://evil.example/z)',
  '![i](http://evil.example/i.png)',
  '<img src=http://evil.example/x onerror=alert(1)>',
  '<http://evil.example/auto>',
  'http://evil.example/bare',
  'www.evil.example',
  'mail ops@evil.example',
  '@everyone @acme/admins',
  'txt.\u202Eexe',
  '#1 and acme/shop#2',
].join(' ');

function hostileResult(): LintResult {
  return lintCost({
    [`k8s/[f](http://evil.example/f) @team.yaml`]: misplaced(`web ${HOSTILE}`),
    'k8s/cost.yaml': eipWorkload(`api ${HOSTILE}`, { 'k8s.aliyun.com/eip-bandwidth': `10M ${HOSTILE}` }),
    'k8s/known.yaml': eipWorkload('known', {}, 2),
  });
}

function page(result: LintResult, scope = 'the 3 files pull request #42 changes'): PageInput {
  return { result, options: { surface: 'action', failOn: 'error', fixMode: 'off' }, links: pageLinks(LINKS), scope };
}

/** Every Markdown surface of one result, by name. */
function surfaces(result: LintResult): Record<string, string> {
  const input = page(result);
  const check = checkRunOutput(input);
  return {
    'markdown format': markdownReport(result),
    comment: commentBody({ result, options: input.options, links: LINKS, scope: input.scope }),
    'check run summary': check.summary,
    'check run text': check.text,
    'job summary': fullPage(input),
  };
}

/** The rendered page without the comment's hidden lines. */
function rendered(markdown: string): string {
  return renderGfm(markdown).replace(/^<!--.*-->\n?/gm, '');
}

describe('repository strings on every surface', () => {
  const result = hostileResult();

  it('the data is real: the hostile strings reach findings and cost rows', () => {
    expect(result.findings.some((f) => f.ruleId === 'eip-misplaced' && f.message.includes('[z](http://evil.example/z)'))).toBe(true);
    expect(result.findings.some((f) => f.ruleId === 'eip-invalid-value' && f.message.includes('@everyone'))).toBe(true);
    expect(result.cost.workloads.some((w) => w.name.includes('<img') && w.unknown?.includes('10M'))).toBe(true);
  });

  for (const [name, markdown] of Object.entries(surfaces(hostileResult()))) {
    describe(name, () => {
      const html = rendered(markdown);
      it('links only to the repository at the head commit, the rule pages and the run', () => {
        const links = hrefs(html);
        // The check run's summary is the headline: it has no link at all.
        expect(links.length > 0).toBe(name !== 'check run summary');
        for (const href of links) expect(ALLOWED.some((a) => href.startsWith(a))).toBe(true);
        expect(links.filter((h) => h.includes('evil.example') && !h.startsWith(ALLOWED[0]))).toEqual([]);
      });
      it('embeds nothing and mentions no one', () => {
        expect(embeds(html)).toEqual([]);
        expect(mentions(html)).toEqual([]);
      });
      it('shows the text, with no bidirectional control', () => {
        const text = visibleText(html);
        expect(text).not.toContain('\u202E');
        if (name !== 'check run summary') expect(text).toContain('[z](http:/\u200b/evil.example/z)');
      });
    });
  }
});

describe('order and density', () => {
  const result = hostileResult();

  for (const [name, markdown] of Object.entries(surfaces(result))) {
    if (name === 'check run text') continue;
    it(`${name}: the headline is the first block, with the verdict, the counts that are not zero and the cost`, () => {
      const html = rendered(markdown);
      expect(blocks(html)[0]).toBe('p');
      const first = visibleText(html.slice(0, html.indexOf('</p>')));
      expect(first).toMatch(/^:x: eci-egress-lint: Fails: 2 errors/);
      expect(first).not.toMatch(/\b0 (errors|warnings|notices)\b/);
      expect(first).toContain('EIP cost USD 2.34 + 1 unknown a month.');
    });
  }

  for (const name of ['markdown format', 'comment', 'job summary']) {
    it(`${name}: the findings come before the cost table, the pricing notes after it`, () => {
      const html = rendered(surfaces(result)[name]);
      expect(html.indexOf('<ul>')).toBeGreaterThan(0);
      expect(html.indexOf('<ul>')).toBeLessThan(html.indexOf('<table>'));
      expect(html.indexOf('<table>')).toBeLessThan(html.indexOf('How the cost is estimated'));
    });
  }

  it('the check run: title = verdict, summary = headline and scope, text = the findings with links', () => {
    const check = checkRunOutput(page(result));
    expect(check.title).toBe('Fails: 2 errors');
    expect(check.summary.split('\n\n')).toHaveLength(2);
    expect(check.summary).toContain('EIP cost USD');
    expect(check.text.split('\n').filter((l) => l.startsWith('- :x: [k8s/'))).toHaveLength(2);
    expect(check.text).not.toContain('EIP cost');
  });

  it('the comment links to the full report once, at the end', () => {
    const body = surfaces(result).comment;
    expect(body.match(/actions\/runs\/7/g)).toHaveLength(1);
    expect(hrefs(rendered(body)).at(-1)).toBe(LINKS.runUrl);
  });

  it('a clean run: no contradiction between the count and what was scanned', () => {
    const clean = lintCost({ 'k8s/a.yaml': '{}\n' });
    const md = budgetedPage(page(clean, 'the 2 files pull request #42 changes'));
    expect(md).toContain(':white_check_mark: **eci-egress-lint: All clear**: no problems.');
    expect(md).toContain('<sub>Scanned 1 of the 2 files pull request \\#\u200b42 changes.</sub>');
    expect(md).not.toMatch(/No problems in 1 scanned file|0 notices/);
  });

  it('a Terraform address does not repeat its type; a collapsed cost table when it is long', () => {
    expect(workloadLabel({ kind: 'alicloud_eci_container_group', namespace: '', name: 'alicloud_eci_container_group.partner_sftp' })).toBe(
      'alicloud_eci_container_group.partner_sftp',
    );
    const many = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`k8s/w${i}.yaml`, deployment({ name: `w${i}`, replicas: String(i + 1) })]));
    const body = budgetedPage(page(lintCost(many)));
    expect(body).toContain('<details><summary>EIP cost by workload (14 workloads, USD a month)</summary>');
    const rows = body.split('\n').filter((l) => l.startsWith('| Deployment shop/w'));
    // Ten rows, most money first, then one line for the rest: w3..w0 have 4+3+2+1 = 10 pods at 1.17.
    expect(rows).toHaveLength(10);
    expect(rows[0]).toContain('| Deployment shop/w13 |');
    expect(body).toContain('| and 4 more workloads (+USD 11.70) |');
    expect(fullPage(page(lintCost(many))).split('\n').filter((l) => l.startsWith('| Deployment shop/w'))).toHaveLength(14);
  });

  it('existing EIPs are billed elsewhere, not 0.00; a PayByTraffic bandwidth is a cap', () => {
    const result = lintCost({
      'k8s/gw.yaml': deployment({ name: 'gw', annotations: { 'k8s.aliyun.com/eci-eip-instanceid': 'eip-abc' } }),
      'k8s/web.yaml': deployment({ name: 'web' }),
    });
    const md = fullPage(page(result));
    expect(md).toContain('| Deployment shop/gw | [k8s/gw.yaml#L');
    expect(md).toMatch(/\| 1 \| existing EIP \| {2}\| billed elsewhere \|/);
    expect(md).toMatch(/\| PayByTraffic \| 5 Mbps \(cap\) \| 1\.17 \|/);
    expect(md).toContain('its bandwidth \\(cap\\) does not change its cost');
  });
});

describe('a pull request with 130 findings', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 130; i++) files[`k8s/team-${String(i).padStart(3, '0')}/deployment.yaml`] = misplaced(`service-${i}`);
  for (let i = 0; i < 20; i++) files[`k8s/eip-${i}.yaml`] = eipWorkload(`gateway-${i}`, {}, i + 1);
  const result = lintCost(files);
  const body = commentBody({ result, options: { surface: 'action', failOn: 'error' }, links: LINKS, scope: 'the 150 files pull request #9 changes' });
  const html = rendered(body);

  it('the data is real: 130 findings and 20 workloads with a cost', () => {
    expect(result.findings).toHaveLength(130);
    expect(result.cost.workloads).toHaveLength(20);
  });

  it('stays within the limit, showing findings first and saying how many are left out and where', () => {
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const shown = (html.match(/<li>:x: /g) ?? []).length;
    expect(shown).toBeGreaterThan(50);
    expect(shown).toBeLessThan(130);
    expect(visibleText(html)).toContain(`… and ${130 - shown} more findings, left out to fit: the full report lists every one.`);
    expect(visibleText(html)).toContain(`${130 - shown} of 130 findings. The full report has everything.`);
    // Detail goes before findings: the pricing notes and the cost rows were trimmed first.
    expect(body).not.toContain('How the cost is estimated');
    expect(body).toContain('how the cost is estimated, 10 cost rows');
    expect(body).toContain('EIP cost USD 245.70 a month');
  });

  it('the job summary has every finding and every cost row', () => {
    const md = fullPage(page(result));
    expect((renderGfm(md).match(/<li>:x: /g) ?? []).length).toBe(130);
    expect(md.split('\n').filter((l) => l.startsWith('| Deployment shop/gateway-'))).toHaveLength(20);
  });
});

describe('an unknown cost never changes a total', () => {
  // The base has 1 pod at 1.17; the head's bandwidth "10M" makes its cost unknown.
  const base = { 'k8s/media.yaml': deployment({ name: 'media', replicas: '1', annotations: { 'k8s.aliyun.com/eci-with-eip': '"true"', 'k8s.aliyun.com/eip-bandwidth': '"5"' } }) };
  const head = { 'k8s/media.yaml': deployment({ name: 'media', replicas: '1', annotations: { 'k8s.aliyun.com/eci-with-eip': '"true"', 'k8s.aliyun.com/eip-bandwidth': '"10M"' } }) };
  const result = lintCost(head, {}, base);
  const HEADLINE = 'EIP cost USD 1.17 → 0.00 + 1 unknown a month (change: n/a, 1 workload unknown)';

  it('in the cost model: no total change, and the count of unknown changes', () => {
    expect(result.cost.change).toBeUndefined();
    expect(result.cost.unknownChanges).toBe(1);
    expect(result.cost.total).toEqual({ min: 0, max: 0 });
    expect(result.cost.unknownWorkloads).toBe(1);
    expect(costHeadline(result.cost)).toBe(HEADLINE);
  });

  for (const [name, markdown] of Object.entries(surfaces(result))) {
    if (name === 'check run text') continue;
    it(`${name}: the headline says n/a, and no surface shows a saving`, () => {
      const text = visibleText(rendered(markdown));
      expect(text).toContain(HEADLINE);
      expect(text).not.toContain('-1.17');
    });
  }

  it('the cost table: the row and the total say n/a', () => {
    const md = fullPage(page(result));
    expect(md).toMatch(/\| Deployment shop\/media \| .* \| 1\.17 \| unknown \| n\/a \|/);
    expect(md).toContain('| **total** | | | | | **1.17** | **0.00 + 1 unknown** | **n/a, 1 workload unknown** |');
  });

  it('the text format too', () => {
    const text = textReport(result, { color: false });
    expect(text).toContain(`${HEADLINE}.`);
    expect(text).toMatch(/total +1\.17 +0\.00 \+ 1 unknown +n\/a, 1 workload unknown\n/);
    expect(text).not.toContain('-1.17');
  });
});
