import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '../../core/i18n';
import { ChartGroup, ChartSeries, groupTotal, niceAxis, stackSegments } from './chart';

const LEFT = 40;
const RIGHT = 8;
const TOP = 16;
const PLOT_HEIGHT = 160;
const BOTTOM = 36;
const SLOT = 46;
const BAR = 28;

/**
 * A stacked bar chart drawn as inline SVG (hidden from assistive technology), with a legend and a
 * visually hidden table holding the same numbers for screen readers.
 */
@Component({
  selector: 'app-bar-chart',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure>
      <figcaption>{{ caption() }}</figcaption>
      @if (empty()) {
        <p class="empty">{{ emptyText() }}</p>
      } @else {
        <ul class="legend" aria-hidden="true">
          @for (serie of series(); track serie.key; let i = $index) {
            <li><span class="swatch" [attr.data-color]="i % 8"></span>{{ serie.label }}</li>
          }
        </ul>
        <svg [attr.viewBox]="'0 0 ' + width() + ' ' + height" aria-hidden="true" focusable="false">
          @for (tick of axis().ticks; track tick) {
            <line class="grid" [attr.x1]="left" [attr.x2]="width() - right" [attr.y1]="yOf(tick)" [attr.y2]="yOf(tick)" />
            <text class="tick" [attr.x]="left - 6" [attr.y]="yOf(tick) + 4" text-anchor="end">{{ tick }}</text>
          }
          @for (bar of bars(); track bar.key) {
            @for (segment of bar.segments; track segment.series) {
              <rect [attr.data-color]="segment.index % 8" [attr.x]="bar.x" [attr.y]="top + segment.y" [attr.width]="barWidth" [attr.height]="segment.height">
                <title>{{ bar.longLabel }} · {{ segment.label }}: {{ segment.value }}</title>
              </rect>
            }
            @if (bar.total) {
              <text class="total" [attr.x]="bar.x + barWidth / 2" [attr.y]="yOf(bar.total) - 4" text-anchor="middle">{{ bar.total }}</text>
            }
            <text class="label" [attr.x]="bar.x + barWidth / 2" [attr.y]="top + plotHeight + 15" text-anchor="middle">{{ bar.label }}</text>
            @if (bar.sublabel) {
              <text class="label year" [attr.x]="bar.x + barWidth / 2" [attr.y]="top + plotHeight + 30" text-anchor="middle">{{ bar.sublabel }}</text>
            }
          }
        </svg>
      }
      <table class="cdk-visually-hidden">
        <caption>{{ caption() }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ groupHeader() }}</th>
            @for (serie of series(); track serie.key) {
              <th scope="col">{{ serie.label }}</th>
            }
            <th scope="col">{{ 'chart.total' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (bar of bars(); track bar.key) {
            <tr>
              <th scope="row">{{ bar.longLabel }}</th>
              @for (serie of series(); track serie.key) {
                <td>{{ bar.values[serie.key] || 0 }}</td>
              }
              <td>{{ bar.total }}</td>
            </tr>
          }
        </tbody>
      </table>
    </figure>
  `,
  styles: `
    figure {
      margin: 0;
    }
    figcaption {
      font: var(--mat-sys-title-medium);
      margin-bottom: 0.5rem;
    }
    svg {
      display: block;
      width: 100%;
      max-width: 46rem;
      height: auto;
    }
    .grid {
      stroke: var(--mat-sys-outline-variant);
      stroke-width: 1;
    }
    text {
      font-size: 11px;
      fill: var(--mat-sys-on-surface-variant);
    }
    .total {
      fill: var(--mat-sys-on-surface);
      font-weight: 600;
    }
    .year {
      font-weight: 600;
    }
    rect {
      stroke: var(--mat-sys-surface);
      stroke-width: 1;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0 0 0.5rem;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-label-medium);
    }
    .swatch {
      display: inline-block;
      width: 0.8rem;
      height: 0.8rem;
      margin-right: 0.35rem;
      border-radius: 2px;
      vertical-align: -0.1rem;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    /* Okabe–Ito colours, told apart with most colour-vision deficiencies. */
    [data-color='0'] { fill: #0072b2; background: #0072b2; }
    [data-color='1'] { fill: #e69f00; background: #e69f00; }
    [data-color='2'] { fill: #009e73; background: #009e73; }
    [data-color='3'] { fill: #cc79a7; background: #cc79a7; }
    [data-color='4'] { fill: #56b4e9; background: #56b4e9; }
    [data-color='5'] { fill: #d55e00; background: #d55e00; }
    [data-color='6'] { fill: #8a7a00; background: #8a7a00; }
    [data-color='7'] { fill: #555; background: #555; }
  `,
})
export class BarChart {
  readonly caption = input.required<string>();
  readonly series = input.required<readonly ChartSeries[]>();
  readonly groups = input.required<readonly ChartGroup[]>();
  /** Heading of the table's first column (what a group is, e.g. "Month"). */
  readonly groupHeader = input.required<string>();
  /** Shown instead of the bars when every value is 0. */
  readonly emptyText = input('');

  protected readonly left = LEFT;
  protected readonly right = RIGHT;
  protected readonly top = TOP;
  protected readonly plotHeight = PLOT_HEIGHT;
  protected readonly height = TOP + PLOT_HEIGHT + BOTTOM;
  protected readonly barWidth = BAR;

  protected readonly width = computed(() => LEFT + Math.max(1, this.groups().length) * SLOT + RIGHT);
  protected readonly axis = computed(() => niceAxis(Math.max(0, ...this.groups().map(groupTotal))));
  protected readonly empty = computed(() => this.groups().every((group) => groupTotal(group) === 0));

  protected readonly bars = computed(() => {
    const series = this.series();
    const labels = new Map(series.map((serie) => [serie.key, serie.label]));
    const axis = this.axis();
    return this.groups().map((group, index) => ({
      ...group,
      x: LEFT + index * SLOT + (SLOT - BAR) / 2,
      total: groupTotal(group),
      segments: stackSegments(group, series, axis.max, PLOT_HEIGHT).map((segment) => ({ ...segment, label: labels.get(segment.series) ?? segment.series })),
    }));
  });

  protected yOf(value: number): number {
    return TOP + PLOT_HEIGHT - (value / this.axis().max) * PLOT_HEIGHT;
  }
}
