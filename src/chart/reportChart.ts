import type { TopLevelSpec } from 'vega-lite';
import type { Report } from '../store/report.js';

/** Options of `reportChartSpec`. */
export interface ReportChartOptions {
  /** Width of each panel's plot area in pixels. */
  width: number;
  /** The most services drawn; the rest are summed into "other". */
  services: number;
  /** The font every label uses (the renderer must have it). */
  font: string;
}

/** Defaults of `reportChartSpec`. */
export const defaultReportChartOptions: ReportChartOptions = { width: 480, services: 8, font: 'DejaVu Sans' };

/** The verdicts in stacking order, with their colours (answered green, closest amber, declined red). */
const VERDICTS = [
  ['answered', '#2e9e5b'],
  ['closest', '#e0a526'],
  ['declined', '#d04a3c'],
] as const;

/**
 * The report's picture as a Vega-Lite spec, data inline: questions per day stacked by verdict, above
 * answered questions per service. Pure: `renderChartPng` draws it.
 *
 * @param report The report to draw.
 * @param options Merged over `defaultReportChartOptions`.
 */
export function reportChartSpec(report: Report, options: Partial<ReportChartOptions> = {}): TopLevelSpec {
  const { width, services, font } = { ...defaultReportChartOptions, ...options };
  const days = report.perDay.flatMap((day) =>
    VERDICTS.map(([verdict]) => ({ day: day.day.slice(5), verdict, questions: day[verdict] })),
  );
  const top = report.perService.slice(0, services);
  const rest = report.perService.slice(services).reduce((sum, row) => sum + row.questions, 0);
  const perService = rest > 0 ? [...top, { service: 'other', questions: rest }] : top;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${report.questions} questions, ${report.since.slice(0, 10)} to ${report.until.slice(0, 10)}`,
      anchor: 'start',
    },
    background: 'white',
    padding: 12,
    config: { font, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 } },
    vconcat: [
      {
        title: { text: 'Questions per day, by verdict', anchor: 'start', fontSize: 13 },
        width,
        height: 160,
        data: { values: days },
        mark: 'bar',
        encoding: {
          x: { field: 'day', type: 'ordinal', title: null, axis: { labelAngle: 0 } },
          y: { field: 'questions', type: 'quantitative', stack: 'zero', title: 'questions' },
          color: {
            field: 'verdict',
            type: 'nominal',
            scale: { domain: VERDICTS.map(([v]) => v), range: VERDICTS.map(([, c]) => c) },
            legend: { orient: 'top', title: null },
          },
          order: { field: 'order', type: 'quantitative' },
        },
        transform: [
          {
            calculate: `indexof(${JSON.stringify(VERDICTS.map(([v]) => v))}, datum.verdict)`,
            as: 'order',
          },
        ],
      },
      {
        title: { text: 'Answered questions per service', anchor: 'start', fontSize: 13 },
        width,
        height: { step: 18 },
        data: { values: perService },
        mark: { type: 'bar', color: '#4a74c9' },
        encoding: {
          y: { field: 'service', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 280 } },
          x: { field: 'questions', type: 'quantitative', title: 'questions' },
        },
      },
    ],
  };
}
