import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { defaultReportChartOptions, reportChartSpec } from '../../src/chart/reportChart.js';
import { defaultRenderChartOptions, renderChartPng } from '../../src/chart/renderChart.js';
import type { Report } from '../../src/store/report.js';

/** A week's report with questions on two days and ten services. */
function sampleReport(services = 10): Report {
  const perDay = Array.from({ length: 7 }, (_, i) => ({
    day: `2026-11-${String(16 + i).padStart(2, '0')}`,
    answered: i === 2 ? 5 : 0,
    closest: i === 2 ? 1 : 0,
    declined: i === 4 ? 2 : 0,
  }));
  return {
    since: '2026-11-16T09:00:00.000Z',
    until: '2026-11-23T09:00:00.000Z',
    questions: 8,
    declined: 2,
    declinedShare: 0.25,
    closest: 1,
    closestShare: 0.125,
    perDay,
    perService: Array.from({ length: services }, (_, i) => ({ service: `service ${i}`, questions: 10 - i })),
    proposed: [],
    places: { guild: 8, dm: 0, group_dm: 0 },
    unanswered: [],
    notHelpful: [],
    feedback: { helpful: 0, notHelpful: 0 },
    unaskedFeatures: [],
    perChapter: [],
  };
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the report chart', () => {
  it('stacks every day by verdict and folds services past the limit into "other"', () => {
    const spec = reportChartSpec(sampleReport(10), { services: 8 }) as {
      vconcat: { data: { values: Record<string, unknown>[] } }[];
    };
    const [days, services] = spec.vconcat.map((panel) => panel.data.values);
    expect(days).toHaveLength(7 * 3);
    expect(days).toContainEqual({ day: '11-18', verdict: 'closest', questions: 1 });
    expect(services!.at(-1)).toEqual({ service: 'other', questions: 2 + 1 });
    expect(services).toHaveLength(9);
  });

  it('renders a valid PNG whose header states the size it reports, twice as wide at zoom 2', async () => {
    const spec = reportChartSpec(sampleReport());
    const [one, two] = [await renderChartPng(spec, { zoom: 1 }), await renderChartPng(spec, { zoom: 2 })];
    expect(pngSize(one.png)).toEqual({ width: one.width, height: one.height });
    expect(pngSize(two.png)).toEqual({ width: two.width, height: two.height });
    expect(two.width).toBe(one.width * 2);
    expect(one.width).toBeGreaterThan(defaultReportChartOptions.width);
  });

  it('draws with the font shipped in node_modules, never a system font', () => {
    expect(defaultRenderChartOptions.fontFiles.length).toBeGreaterThan(0);
    for (const file of defaultRenderChartOptions.fontFiles) expect(existsSync(file), file).toBe(true);
  });

  it('draws an empty week without failing', async () => {
    const empty = { ...sampleReport(0), questions: 0 };
    empty.perDay = empty.perDay.map((day) => ({ ...day, answered: 0, closest: 0, declined: 0 }));
    const image = await renderChartPng(reportChartSpec(empty), { zoom: 1 });
    expect(pngSize(image.png)).toEqual({ width: image.width, height: image.height });
  });
});
