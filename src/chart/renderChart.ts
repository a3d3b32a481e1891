import { createRequire } from 'node:module';
import type { TopLevelSpec } from 'vega-lite';

/** A rendered chart: PNG bytes and their size in pixels. */
export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

/** Options of `renderChartPng`. */
export interface RenderChartOptions {
  /** Scale from the spec's pixels to the PNG's (2 draws sharp on high-density screens). */
  zoom: number;
  /** Font files to draw text with; none are read from the system, so every machine draws alike. */
  fontFiles: string[];
}

const require = createRequire(import.meta.url);

/** Defaults of `renderChartPng`: DejaVu Sans, shipped by the `dejavu-fonts-ttf` package (free licence). */
export const defaultRenderChartOptions: RenderChartOptions = {
  zoom: 2,
  fontFiles: [
    require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  ],
};

/**
 * Draw a Vega-Lite spec as a PNG, headless: Vega-Lite compiles it to Vega, Vega renders SVG with no
 * canvas, resvg rasterises the SVG.
 *
 * @param spec The chart, its data inline.
 * @param options Merged over `defaultRenderChartOptions`.
 */
export async function renderChartPng(
  spec: TopLevelSpec,
  options: Partial<RenderChartOptions> = {},
): Promise<ChartImage> {
  const { zoom, fontFiles } = { ...defaultRenderChartOptions, ...options };
  // Loaded on the first chart, not at start: Vega, Vega-Lite and resvg take about a third of a second.
  const [vega, { compile }, { Resvg }] = await Promise.all([
    import('vega'),
    import('vega-lite'),
    import('@resvg/resvg-js'),
  ]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans' },
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
