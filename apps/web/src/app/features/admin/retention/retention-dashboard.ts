import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { addCalendarDays, LEGAL_BASIS_LABELS, PolicyView, RetentionReport, stockholmDate } from '@privdesk/domain';
import { PoliciesApi } from '../../../core/api/admin.api';
import { describeError } from '../../../core/api/api-errors';
import { RETENTION_DOWNLOADS, RetentionApi } from '../../../core/api/retention.api';
import { formatInstant } from '../../../core/format';
import { I18n, TranslatePipe, TranslationKey } from '../../../core/i18n';
import { ListState } from '../../../shared';
import { addMonths, BarChart, ChartSeries, groupByMonth, monthLabels, monthRange } from '../../../shared/charts';
import { CullPreviewSection } from './cull-preview';
import { recordTypeKey } from './retention-labels';
import { RetentionNav } from './retention-nav';
import { RunsSection } from './runs-section';

interface Tile {
  name: string;
  label: TranslationKey;
  value: number;
  link: string;
  queryParams?: Record<string, string>;
  fragment?: string;
  /** 'good' (green) or 'bad' (red) when the number is a verdict. */
  tone?: 'good' | 'bad';
}

/** The retention engine at a glance: what expires when, what was culled, holds, reviews, runs. */
@Component({
  selector: 'app-retention-dashboard',
  imports: [RouterLink, MatButtonModule, ListState, TranslatePipe, RetentionNav, BarChart, CullPreviewSection, RunsSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './retention-dashboard.html',
  styleUrl: './retention-dashboard.scss',
})
export class RetentionDashboardPage {
  private readonly api = inject(RetentionApi);
  private readonly policiesApi = inject(PoliciesApi);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18n);

  protected readonly downloads = RETENTION_DOWNLOADS;
  protected readonly formatInstant = formatInstant;

  protected readonly report = signal<RetentionReport | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  private readonly policies = signal<PolicyView[]>([]);
  private readonly fragment = toSignal(this.route.fragment);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  /** Policy code → purpose in the current language. */
  protected readonly purposeNames = computed(() => {
    const lang = this.i18n.lang();
    return Object.fromEntries(this.policies().map((policy) => [policy.code, policy.purpose[lang]]));
  });

  protected readonly tiles = computed<Tile[]>(() => {
    const report = this.report();
    if (!report) return [];
    const today = stockholmDate(new Date());
    const expiring = (days: 30 | 90 | 365): Tile => ({
      name: `expiring-${days}`,
      label: `retention.tile.expiring${days}`,
      value: report.expiring[`days${days}`],
      link: '/admin/retention',
      queryParams: { asOf: addCalendarDays(today, days) },
      fragment: 'preview',
    });
    return [
      { name: 'due-now', label: 'retention.tile.dueNow', value: report.dueNow, link: '/admin/retention', queryParams: { asOf: today }, fragment: 'preview' },
      expiring(30),
      expiring(90),
      expiring(365),
      { name: 'holds', label: 'retention.tile.holds', value: report.holdsActive, link: '/admin/retention/holds' },
      { name: 'reviews', label: 'retention.tile.reviews', value: report.reviewsPending, link: '/admin/retention/reviews' },
      {
        name: 'missing-basis',
        label: 'retention.tile.missingBasis',
        value: report.missingBasis,
        link: '/admin/retention',
        fragment: 'by-purpose',
        tone: report.missingBasis === 0 ? 'good' : 'bad',
      },
    ];
  });

  protected readonly expiringSeries = computed<ChartSeries[]>(() => {
    const names = this.purposeNames();
    const codes = [...new Set((this.report()?.expiringByMonth ?? []).map((row) => row.purpose))].sort((a, b) => a.localeCompare(b, 'sv', { numeric: true }));
    return codes.map((code) => ({ key: code, label: names[code] ? `${code} ${names[code]}` : code }));
  });

  protected readonly expiringGroups = computed(() => {
    const lang = this.i18n.lang();
    const start = stockholmDate(new Date()).slice(0, 7);
    return groupByMonth(
      this.report()?.expiringByMonth ?? [],
      monthRange(start, 12),
      (row) => ({ [row.purpose]: row.records }),
      (month) => monthLabels(month, lang),
    );
  });

  protected readonly culledSeries = computed<ChartSeries[]>(() => [
    { key: 'deleted', label: this.i18n.t('outcome.deleted') },
    { key: 'anonymised', label: this.i18n.t('outcome.anonymised') },
  ]);

  protected readonly culledGroups = computed(() => {
    const lang = this.i18n.lang();
    const start = addMonths(stockholmDate(new Date()).slice(0, 7), -11);
    const rows = (this.report()?.culledByMonth ?? []).filter((row) => row.month >= start);
    return groupByMonth(
      rows,
      monthRange(start, 12),
      (row) => ({ deleted: row.deleted, anonymised: row.anonymised }),
      (month) => monthLabels(month, lang),
    );
  });

  protected readonly byPurpose = computed(() => {
    const lang = this.i18n.lang();
    const names = this.purposeNames();
    return (this.report()?.byPurpose ?? []).map((row) => {
      const typeKey = recordTypeKey(row.recordType);
      return {
        ...row,
        purposeName: names[row.purpose] ?? '',
        legalBasisLabel: LEGAL_BASIS_LABELS[row.legalBasis]?.[lang] ?? row.legalBasis,
        recordTypeLabel: typeKey ? this.i18n.t(typeKey) : row.recordType,
      };
    });
  });
  protected readonly byPurposeTotal = computed(() => this.byPurpose().reduce((sum, row) => sum + row.records, 0));

  constructor() {
    this.load();
    this.policiesApi.list().subscribe({ next: (policies) => this.policies.set(policies), error: () => this.policies.set([]) });

    // A tile links to a section of this page: go there once the page has drawn it (once per link
    // followed, not again when the report reloads).
    let scrolledFor = '';
    effect(() => {
      const fragment = this.fragment();
      const key = `${fragment}|${this.params().get('asOf')}`;
      if (!fragment || key === scrolledFor || (fragment === 'by-purpose' && !this.report())) return;
      scrolledFor = key;
      setTimeout(() => document.getElementById(fragment)?.scrollIntoView({ block: 'start' }));
    });
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.report().subscribe({
      next: (report) => {
        this.loading.set(false);
        this.report.set(report);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }
}
