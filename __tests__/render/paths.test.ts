import { describe, expect, it } from '@jest/globals';
import type { ChartUnit, OverlayUnit } from '../../src/render/discover.js';
import { inFolder, isInFolder, unitFile } from '../../src/render/paths.js';

describe('render paths', () => {
  it('inFolder: a path inside a folder, where "." is the working directory', () => {
    expect(inFolder('.', 'Chart.yaml')).toBe('Chart.yaml');
    expect(inFolder('charts/web', 'values.yaml')).toBe('charts/web/values.yaml');
    expect(inFolder('charts/web', 'templates/deployment.yaml')).toBe('charts/web/templates/deployment.yaml');
  });

  it('isInFolder: the folder itself and what is under it; never a sibling that shares a prefix', () => {
    expect(isInFolder('charts/web/values.yaml', 'charts/web')).toBe(true);
    expect(isInFolder('charts/web', 'charts/web')).toBe(true);
    expect(isInFolder('anything/at/all.yaml', '.')).toBe(true);
    expect(isInFolder('charts/website/values.yaml', 'charts/web')).toBe(false);
    expect(isInFolder('charts', 'charts/web')).toBe(false);
  });

  it('unitFile: a chart is named by its Chart.yaml, an overlay by its kustomization', () => {
    const chart = (folder: string): ChartUnit => ({ kind: 'chart', folder, release: 'web', namespace: 'default', renderings: [], inputs: [] });
    const overlay: OverlayUnit = { kind: 'overlay', folder: 'overlays/prod', file: 'overlays/prod/Kustomization', inputs: [] };
    expect(unitFile(chart('.'))).toBe('Chart.yaml');
    expect(unitFile(chart('charts/web'))).toBe('charts/web/Chart.yaml');
    expect(unitFile(overlay)).toBe('overlays/prod/Kustomization');
  });
});
