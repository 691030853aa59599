import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SalesPipeline, stockholmDate } from '@privdesk/domain';
import { describeError } from '../../core/api/api-errors';
import { QuotesApi } from '../../core/api/quotes.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ListState, sek } from '../../shared';
import { addMonths, BarChart, ChartSeries, groupByMonth, monthLabels, monthRange } from '../../shared/charts';

/** The sales pipeline (admin and sales): open value by expiry, won and lost this month, a chart of the last months. */
@Component({
  selector: 'app-pipeline-panel',
  imports: [RouterLink, TranslatePipe, ListState, BarChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="pipeline-heading" data-testid="pipeline">
      <h2 id="pipeline-heading">{{ 'pipeline.title' | t }}</h2>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="load()">
        <ng-container listStateError>{{ 'pipeline.loadError' | t }}</ng-container>
      </app-list-state>
      @if (pipeline(); as p) {
        <div class="layout">
          <div>
            <ul class="tiles">
              <li class="tile">
                <span class="value" data-testid="pipeline-open">{{ sek(p.open.value) }}</span>
                <span class="label">{{ 'pipeline.open' | t: { n: p.open.count } }}</span>
              </li>
              <li class="tile good">
                <span class="value">{{ sek(p.wonThisMonth.value) }}</span>
                <span class="label">{{ 'pipeline.won' | t: { n: p.wonThisMonth.count } }}</span>
              </li>
              <li class="tile bad">
                <span class="value">{{ sek(p.lostThisMonth.value) }}</span>
                <span class="label">{{ 'pipeline.lost' | t: { n: p.lostThisMonth.count } }}</span>
              </li>
            </ul>
            <table class="buckets">
              <caption>{{ 'pipeline.byExpiry' | t }}</caption>
              <tbody>
                @for (bucket of p.openByExpiry; track bucket.bucket) {
                  <tr>
                    <th scope="row">{{ bucketKeys[bucket.bucket] | t }}</th>
                    <td class="num">{{ bucket.count }}</td>
                    <td class="num">{{ sek(bucket.value) }}</td>
                  </tr>
                }
              </tbody>
            </table>
            @if (p.expiringSoon.length) {
              <h3>{{ 'pipeline.expiringSoon' | t }}</h3>
              <ul class="expiring">
                @for (quote of p.expiringSoon; track quote.id) {
                  <li>
                    <a [routerLink]="['/quotes', quote.id]">{{ quote.quoteNumber }} {{ quote.title }}</a>
                    <span class="sub">{{ quote.holderName }} · {{ 'pipeline.validUntil' | t: { date: quote.validUntil } }} · {{ sek(quote.total) }}</span>
                  </li>
                }
              </ul>
            }
          </div>
          <app-bar-chart
            data-testid="pipeline-chart"
            [caption]="'pipeline.chart' | t"
            [series]="series()"
            [groups]="groups()"
            [groupHeader]="'retention.chart.month' | t"
            [emptyText]="'pipeline.chartEmpty' | t"
          />
        </div>
      }
    </section>
  `,
  styles: `
    .layout {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
      gap: 1rem 2rem;
      align-items: start;
    }
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11.5rem, 1fr));
      gap: 0.5rem;
      margin: 0.5rem 0 1rem;
      padding: 0;
      list-style: none;
    }
    .tile {
      display: flex;
      flex-direction: column;
      padding: 0.6rem 0.8rem;
      border-radius: 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    .tile.good {
      border-color: #2e7d32;
      background: #e8f5e9;
      color: #1b5e20;
    }
    .tile.bad {
      border-color: var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .value {
      font: var(--mat-sys-title-large);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .label {
      font: var(--mat-sys-label-medium);
    }
    .buckets {
      border-collapse: collapse;
      margin-bottom: 0.5rem;
    }
    .buckets caption {
      text-align: start;
      font: var(--mat-sys-title-small);
      margin-bottom: 0.25rem;
    }
    .buckets th,
    .buckets td {
      text-align: start;
      padding: 0.25rem 1rem 0.25rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .buckets .num {
      text-align: end;
    }
    h3 {
      margin: 1rem 0 0.25rem;
    }
    .expiring {
      margin: 0;
      padding-left: 1.1rem;
    }
    .sub {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PipelinePanel {
  private readonly api = inject(QuotesApi);
  protected readonly i18n = inject(I18n);
  protected readonly sek = sek;
  protected readonly bucketKeys = { week: 'pipeline.bucket.week', month: 'pipeline.bucket.month', later: 'pipeline.bucket.later' } as const;

  protected readonly pipeline = signal<SalesPipeline | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));

  protected readonly series = computed<ChartSeries[]>(() => [
    { key: 'won', label: this.i18n.t('quoteStatus.won') },
    { key: 'lost', label: this.i18n.t('quoteStatus.lost') },
  ]);

  /** Won and lost quotes per month, the last twelve months (the count; the values are in the tiles and the table). */
  protected readonly groups = computed(() => {
    const lang = this.i18n.lang();
    const start = addMonths(stockholmDate(new Date()).slice(0, 7), -11);
    const rows = (this.pipeline()?.months ?? []).filter((row) => row.month.slice(0, 7) >= start).map((row) => ({ ...row, month: row.month.slice(0, 7) }));
    return groupByMonth(rows, monthRange(start, 12), (row) => ({ won: row.won, lost: row.lost }), (month) => monthLabels(month, lang));
  });

  constructor() {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.pipeline().subscribe({
      next: (pipeline) => {
        this.loading.set(false);
        this.pipeline.set(pipeline);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }
}
