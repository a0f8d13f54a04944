import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { tokens } from '../../styles/index.js';
import { ParleyElement } from '../../internal/parley-element.js';

// Only what the reports draw: Chart.js tree-shakes to these parts (about a third of the whole library).
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface ChartSeries {
  label: string;
  data: Array<number | null>;
}

/**
 * One chart of the Reports view, drawn by Chart.js on a canvas. The canvas is an image to assistive
 * technology (`role="img"` with the caption as its name): the same figures are always in the table
 * next to it, which is what a screen reader or a keyboard reads.
 *
 * @summary A report chart (internal; rendered by the console's Reports view).
 */
export class ParleyReportChart extends ParleyElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        position: relative;
        height: 220px;
      }
      canvas {
        max-width: 100%;
      }
    `,
  ];

  @property() kind: 'bar' | 'line' = 'bar';
  /** What the chart shows, for screen readers (the canvas's accessible name). */
  @property() caption = '';
  @property({ attribute: false }) labels: string[] = [];
  @property({ attribute: false }) series: ChartSeries[] = [];
  /** Formats a value on the axis and in tooltips (durations, percentages). */
  @property({ attribute: false }) format: (value: number) => string = String;

  @query('canvas') private canvas!: HTMLCanvasElement;
  private chart: Chart | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = null;
  }

  protected override render(): TemplateResult {
    return html`<canvas role="img" aria-label=${this.caption}></canvas>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('labels') && !changed.has('series') && !changed.has('kind') && this.chart) return;
    // A new chart rather than an update: the kind may change, and redraws happen only on a new report.
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, this.config());
  }

  private config(): ChartConfiguration<'bar' | 'line', Array<number | null>, string> {
    const style = getComputedStyle(this);
    const palette = [style.getPropertyValue('--_accent').trim() || '#2563eb', '#d97706', '#059669', '#9333ea', '#dc2626', '#0891b2'];
    const text = style.getPropertyValue('--_text-muted').trim() || '#555';
    const grid = style.getPropertyValue('--_border').trim() || '#ddd';
    const format = this.format;
    return {
      type: this.kind,
      data: {
        labels: this.labels,
        datasets: this.series.map((s, i) => ({
          label: s.label,
          data: s.data,
          backgroundColor: palette[i % palette.length],
          borderColor: palette[i % palette.length],
          spanGaps: true,
          tension: 0.2,
          pointRadius: this.labels.length > 40 ? 0 : 2,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // Reports are read, not watched: no animation, and no motion for those who asked for none.
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { color: text, maxRotation: 0, autoSkip: true }, grid: { color: grid } },
          y: { beginAtZero: true, ticks: { color: text, callback: (v) => format(Number(v)) }, grid: { color: grid } },
        },
        plugins: {
          legend: { labels: { color: text, boxWidth: 12 } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.parsed.y === null ? '—' : format(item.parsed.y)}` } },
        },
      },
    };
  }
}
