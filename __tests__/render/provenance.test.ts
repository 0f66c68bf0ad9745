import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Span } from '../../src/model/index.js';
import { WorkspaceFiles } from '../../src/render/files.js';
import { locateInChart } from '../../src/render/helm.js';
import { firstLineLocation, keyLocation, literalLocation, renderedLineAt, SourceText } from '../../src/render/provenance.js';

/** The span of `needle` on 1-based `line` of `text`. */
function spanOf(text: SourceText, line: number, needle: string): Span {
  const column0 = text.row(line - 1).indexOf(needle);
  return text.spanAt(line - 1, column0, needle.length);
}

const RENDERED = new SourceText('rendered', 'metadata:\n  annotations:\n    k8s.aliyun.com/eci-with-eip: "true"\n    team: web\n');

describe('finding the line behind a rendered line', () => {
  it('renderedLineAt: the line split, and whether the position is on the value', () => {
    const onKey = renderedLineAt(RENDERED, spanOf(RENDERED, 3, 'k8s.aliyun.com/eci-with-eip'));
    expect(onKey).toMatchObject({ line0: 2, onValue: false, parsed: { key: 'k8s.aliyun.com/eci-with-eip', value: 'true', indent: 4 } });
    expect(renderedLineAt(RENDERED, spanOf(RENDERED, 3, '"true"')).onValue).toBe(true);
    expect(renderedLineAt(RENDERED, spanOf(RENDERED, 2, 'annotations')).onValue).toBe(false);
  });

  it('literalLocation: the same position on the line written literally, at that file’s indentation', () => {
    const template = new SourceText('templates/deployment.yaml', 'kind: Deployment\nannotations:\n  k8s.aliyun.com/eci-with-eip: "true"\n');
    const location = literalLocation(template, RENDERED, spanOf(RENDERED, 3, '"true"'));
    expect(location).toEqual({ file: 'templates/deployment.yaml', span: spanOf(template, 3, '"true"'), exact: true });
  });

  it('literalLocation: nothing when no line is written literally (a template action on it)', () => {
    const template = new SourceText('templates/deployment.yaml', 'annotations:\n  k8s.aliyun.com/eci-with-eip: {{ .Values.eip | quote }}\n');
    expect(literalLocation(template, RENDERED, spanOf(RENDERED, 3, '"true"'))).toBeUndefined();
  });

  it('keyLocation: the first source with the rendered value wins over an earlier one with the key only (the key’s span ends at its colon)', () => {
    const prod = new SourceText('values-prod.yaml', 'k8s.aliyun.com/eci-with-eip: "false"\n');
    const base = new SourceText('values.yaml', 'x: 1\nk8s.aliyun.com/eci-with-eip: "true"\n');
    const { parsed } = renderedLineAt(RENDERED, spanOf(RENDERED, 3, '"true"'));
    expect(keyLocation([prod, base], parsed, true)).toEqual({ file: 'values.yaml', span: spanOf(base, 2, '"true"'), exact: true });
    expect(keyLocation([prod, base], parsed, false)).toEqual({ file: 'values.yaml', span: spanOf(base, 2, 'k8s.aliyun.com/eci-with-eip:'), exact: true });
  });

  it('keyLocation: without the rendered value anywhere, the first source with the key; nothing without a key', () => {
    const prod = new SourceText('values-prod.yaml', 'k8s.aliyun.com/eci-with-eip: "false"\n');
    const { parsed } = renderedLineAt(RENDERED, spanOf(RENDERED, 3, '"true"'));
    expect(keyLocation([prod], parsed, false)?.file).toBe('values-prod.yaml');
    expect(keyLocation([new SourceText('other.yaml', 'team: web\n')], parsed, false)).toBeUndefined();
    expect(keyLocation([prod], renderedLineAt(new SourceText('r', '- item\n'), { line: 1, column: 3, endLine: 1, endColumn: 7, offset: 2, endOffset: 6 }).parsed, false)).toBeUndefined();
  });

  it('firstLineLocation: line 1 of the file, inexact; a bare position when the file cannot be read', () => {
    const chart = new SourceText('Chart.yaml', 'apiVersion: v2\nname: web\n');
    expect(firstLineLocation(chart, 'templates/x.yaml')).toEqual({ file: 'Chart.yaml', span: chart.firstLine(), exact: false });
    expect(firstLineLocation(undefined, 'templates/x.yaml')).toEqual({
      file: 'templates/x.yaml',
      span: { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 },
      exact: false,
    });
  });
});

describe('locateInChart', () => {
  it('a template the scan cannot read (inside a packaged subchart): line 1 of the chart\'s Chart.yaml', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-locate-'));
    try {
      fs.mkdirSync(path.join(dir, 'charts/web/templates'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'charts/web/Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 1.0.0\n');
      const files = new WorkspaceFiles(dir, 1024 * 1024);
      const chart = { template: 'charts/web/charts/db/templates/statefulset.yaml', chartFile: 'charts/web/Chart.yaml' };
      const location = locateInChart(spanOf(RENDERED, 4, 'team'), RENDERED, chart, [], files);
      expect(location).toMatchObject({ file: 'charts/web/Chart.yaml', span: { line: 1 }, exact: false });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
