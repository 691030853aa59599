import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { LEGAL_BASIS_LABELS, RetentionPolicy } from '@privdesk/domain';
import { PoliciesApi } from '../../core/api/admin.api';
import { describeError } from '../../core/api/api-errors';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ruleInWords } from './rule-words';

interface PolicyRow {
  code: string;
  purpose: string;
  categories: string;
  legalBasis: string;
  rule: string;
  clockStarts: string;
}

/** Read-only mirror of the privacy notice: what is kept, why, and for how long. */
@Component({
  selector: 'app-policies',
  imports: [MatTableModule, MatButtonModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'policies.title' | t }}</h1>
      </header>
      <p class="intro">{{ 'policies.intro' | t }}</p>
      <div class="progress-slot">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | t" />
        }
      </div>
      @if (error()) {
        <div class="error-state" role="alert">
          <p>{{ 'policies.loadError' | t }} {{ errorText() }}</p>
          <button mat-stroked-button type="button" (click)="load()">{{ 'common.retry' | t }}</button>
        </div>
      }
      @if (rows().length) {
        <div class="table-wrap">
          <table mat-table [dataSource]="rows()" data-testid="policies-table" [attr.aria-label]="'policies.title' | t">
            <ng-container matColumnDef="code">
              <th mat-header-cell *matHeaderCellDef>{{ 'policies.col.code' | t }}</th>
              <td mat-cell *matCellDef="let p" class="code">{{ p.code }}</td>
            </ng-container>
            <ng-container matColumnDef="purpose">
              <th mat-header-cell *matHeaderCellDef>{{ 'policies.col.purpose' | t }}</th>
              <td mat-cell *matCellDef="let p">{{ p.purpose }}</td>
            </ng-container>
            <ng-container matColumnDef="categories">
              <th mat-header-cell *matHeaderCellDef>{{ 'policies.col.categories' | t }}</th>
              <td mat-cell *matCellDef="let p">{{ p.categories }}</td>
            </ng-container>
            <ng-container matColumnDef="legalBasis">
              <th mat-header-cell *matHeaderCellDef>{{ 'policies.col.legalBasis' | t }}</th>
              <td mat-cell *matCellDef="let p">{{ p.legalBasis }}</td>
            </ng-container>
            <ng-container matColumnDef="rule">
              <th mat-header-cell *matHeaderCellDef>{{ 'policies.col.rule' | t }}</th>
              <td mat-cell *matCellDef="let p">{{ p.rule }}</td>
            </ng-container>
            <ng-container matColumnDef="clockStarts">
              <th mat-header-cell *matHeaderCellDef>{{ 'policies.col.clockStarts' | t }}</th>
              <td mat-cell *matCellDef="let p">{{ p.clockStarts }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let p; columns: columns" data-testid="policy-row"></tr>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    .intro {
      color: var(--mat-sys-on-surface-variant);
    }
    .progress-slot {
      height: 4px;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
    }
    td {
      vertical-align: top;
      padding-block: 0.6rem;
    }
    .code {
      font-weight: 600;
    }
    .error-state {
      padding: 1rem;
      border-radius: 0.75rem;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class PoliciesPage {
  private readonly api = inject(PoliciesApi);
  private readonly i18n = inject(I18n);

  protected readonly columns = ['code', 'purpose', 'categories', 'legalBasis', 'rule', 'clockStarts'];
  protected readonly policies = signal<RetentionPolicy[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));

  protected readonly rows = computed<PolicyRow[]>(() => {
    const lang = this.i18n.lang();
    return this.policies().map((policy) => ({
      code: policy.code,
      purpose: policy.purpose[lang],
      categories: policy.dataCategories[lang],
      legalBasis: LEGAL_BASIS_LABELS[policy.legalBasis]?.[lang] ?? policy.legalBasis,
      rule: ruleInWords(policy, lang),
      clockStarts: policy.clockStarts[lang],
    }));
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.list().subscribe({
      next: (policies) => {
        this.loading.set(false);
        this.policies.set([...policies].sort((a, b) => a.code.localeCompare(b.code, 'sv', { numeric: true })));
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }
}
