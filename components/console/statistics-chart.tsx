// The statistics as a server-rendered SVG (stacked bars per day by outcome) and the same numbers as a table.
// No client code, no inline styles (the CSP allows none): colours are SVG presentation attributes. The SVG scales
// with its box, so below the md breakpoint its labels would shrink under 12 px: narrow screens get one HTML line
// per day instead (text at the page's size, a small bar beside it), from the same numbers.
import { OUTCOMES, CHANNELS, type RecordChannel, type RecordOutcome } from '@/lib/records/vocabulary';
import type { Statistics } from '@/lib/console/statistics';

/** Fill colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by the legend's words too. */
export const OUTCOME_COLOURS: Record<RecordOutcome, string> = {
  success: '#166534',
  partial: '#b45309',
  failed: '#b91c1c',
  refused: '#4b5563',
  'nothing-to-remove': '#1d4ed8',
  'in-progress': '#6b21a8',
  interrupted: '#9d174d',
};

const WIDTH = 720;
const PLOT_TOP = 16;
const PLOT_HEIGHT = 200;
const LEFT = 40;
const LEGEND_Y = PLOT_TOP + PLOT_HEIGHT + 40;
// The legend in rows of four, so that every outcome's name has room at the chart's width.
const LEGEND_PER_ROW = 4;
const LEGEND_ROW_HEIGHT = 20;
const LEGEND_ROWS = Math.ceil(OUTCOMES.length / LEGEND_PER_ROW);
const legendX = (index: number) => LEFT + (index % LEGEND_PER_ROW) * 170;
const legendY = (index: number) => LEGEND_Y + Math.floor(index / LEGEND_PER_ROW) * LEGEND_ROW_HEIGHT;

/** Labels the chart and table show, already translated by the page. */
export type StatisticsLabels = {
  chartTitle: string;
  chartDescription: string;
  tableCaption: string;
  day: string;
  total: string;
  outcomes: Record<RecordOutcome, string>;
  channels: Record<RecordChannel, string>;
  narrowHint: string;
  dayCount: (count: number) => string;
};

export function StatisticsChart(props: { stats: Statistics; labels: StatisticsLabels }) {
  const { stats, labels } = props;
  const max = Math.max(1, ...stats.days.map((day) => day.total));
  const scale = PLOT_HEIGHT / max;
  const slot = (WIDTH - LEFT - 8) / stats.days.length;
  const barWidth = Math.max(2, slot * 0.7);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${LEGEND_Y + (LEGEND_ROWS - 1) * LEGEND_ROW_HEIGHT + 24}`}
      role="img"
      aria-labelledby="chart-title chart-desc"
      className="mt-4 hidden h-auto w-full max-w-4xl md:block"
      data-testid="statistics-chart"
    >
      <title id="chart-title">{labels.chartTitle}</title>
      <desc id="chart-desc">{labels.chartDescription}</desc>
      <line
        x1={LEFT}
        y1={PLOT_TOP + PLOT_HEIGHT}
        x2={WIDTH - 8}
        y2={PLOT_TOP + PLOT_HEIGHT}
        stroke="#334155"
        strokeWidth="1"
      />
      <text x={LEFT - 6} y={PLOT_TOP + 4} textAnchor="end" fontSize="12" fill="#1e293b">
        {max}
      </text>
      <text x={LEFT - 6} y={PLOT_TOP + PLOT_HEIGHT} textAnchor="end" fontSize="12" fill="#1e293b">
        0
      </text>
      {stats.days.map((day, index) => {
        let y = PLOT_TOP + PLOT_HEIGHT;
        const x = LEFT + index * slot + (slot - barWidth) / 2;
        return (
          <g key={day.day} data-day={day.day}>
            {OUTCOMES.filter((outcome) => day.byOutcome[outcome] > 0).map((outcome) => {
              const height = day.byOutcome[outcome] * scale;
              y -= height;
              return (
                <rect
                  key={outcome}
                  data-day={day.day}
                  data-outcome={outcome}
                  data-count={day.byOutcome[outcome]}
                  x={x.toFixed(2)}
                  y={y.toFixed(2)}
                  width={barWidth.toFixed(2)}
                  height={height.toFixed(2)}
                  fill={OUTCOME_COLOURS[outcome]}
                />
              );
            })}
            {index % 5 === 0 || index === stats.days.length - 1 ? (
              <text
                x={(x + barWidth / 2).toFixed(2)}
                y={PLOT_TOP + PLOT_HEIGHT + 16}
                textAnchor="middle"
                fontSize="12"
                fill="#1e293b"
              >
                {day.day.slice(5)}
              </text>
            ) : null}
          </g>
        );
      })}
      {OUTCOMES.map((outcome, index) => (
        <g key={outcome}>
          <rect x={legendX(index)} y={legendY(index) - 10} width="12" height="12" fill={OUTCOME_COLOURS[outcome]} />
          <text x={legendX(index) + 16} y={legendY(index)} fontSize="12" fill="#1e293b">
            {labels.outcomes[outcome]}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The narrow screens' chart: a line per day with the date and total as text and the day's bar stacked by outcome. */
export function StatisticsNarrowChart(props: { stats: Statistics; labels: StatisticsLabels }) {
  const { stats, labels } = props;
  const max = Math.max(1, ...stats.days.map((day) => day.total));
  return (
    <figure className="mt-4 md:hidden" data-testid="statistics-narrow-chart">
      <figcaption className="text-sm">{labels.narrowHint}</figcaption>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {OUTCOMES.map((outcome) => (
          <li key={outcome} className="flex items-center gap-1">
            <svg viewBox="0 0 10 10" className="h-3 w-3" aria-hidden="true" focusable="false">
              <rect width="10" height="10" fill={OUTCOME_COLOURS[outcome]} />
            </svg>
            {labels.outcomes[outcome]}
          </li>
        ))}
      </ul>
      <ol className="mt-2 space-y-1 text-sm">
        {stats.days.map((day) => {
          let x = 0;
          return (
            <li key={day.day} data-day={day.day} className="grid grid-cols-[6rem_1fr_6rem] items-center gap-2">
              <span>{day.day}</span>
              <svg
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                className="h-4 w-full"
                aria-hidden="true"
                focusable="false"
              >
                {OUTCOMES.filter((outcome) => day.byOutcome[outcome] > 0).map((outcome) => {
                  const width = (day.byOutcome[outcome] / max) * 100;
                  x += width;
                  return (
                    <rect
                      key={outcome}
                      x={(x - width).toFixed(2)}
                      y="0"
                      width={width.toFixed(2)}
                      height="10"
                      fill={OUTCOME_COLOURS[outcome]}
                    />
                  );
                })}
              </svg>
              <span className="text-right">{labels.dayCount(day.total)}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

export function StatisticsTable(props: { stats: Statistics; labels: StatisticsLabels }) {
  const { stats, labels } = props;
  const cell = 'border border-slate-300 px-2 py-1 text-right';
  const head = 'border border-slate-300 px-2 py-1 text-left';
  return (
    <div className="mt-6 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="statistics-caption">
      <table className="border-collapse text-sm" data-testid="statistics-table">
        <caption id="statistics-caption" className="text-left font-semibold">
          {labels.tableCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={head}>
              {labels.day}
            </th>
            {OUTCOMES.map((outcome) => (
              <th scope="col" key={outcome} className={head}>
                {labels.outcomes[outcome]}
              </th>
            ))}
            {CHANNELS.map((channel) => (
              <th scope="col" key={channel} className={head}>
                {labels.channels[channel]}
              </th>
            ))}
            <th scope="col" className={head}>
              {labels.total}
            </th>
          </tr>
        </thead>
        <tbody>
          {stats.days.map((day) => (
            <tr key={day.day} data-day={day.day}>
              <th scope="row" className={head}>
                {day.day}
              </th>
              {OUTCOMES.map((outcome) => (
                <td key={outcome} className={cell} data-outcome={outcome}>
                  {day.byOutcome[outcome]}
                </td>
              ))}
              {CHANNELS.map((channel) => (
                <td key={channel} className={cell} data-channel={channel}>
                  {day.byChannel[channel]}
                </td>
              ))}
              <td className={cell} data-total="">
                {day.total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
