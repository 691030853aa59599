import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { ExpiryAction, LEGAL_BASIS_LABELS, PolicyView } from '@privdesk/domain';
import { PoliciesApi } from '../../core/api/admin.api';
import { describeError } from '../../core/api/api-errors';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ListState } from '../../shared';
import { AdditionalBasesDialog, AdditionalBasesDialogData } from './additional-bases-dialog';
import { PolicyDialog, PolicyDialogData } from './policy-dialog';
import { expiryActionKey } from './retention/retention-labels';
import { ruleInWords } from './rule-words';

interface PolicyRow {
  policy: PolicyView;
  code: string;
  purpose: string;
  categories: string;
  legalBasis: string;
  additionalBases: string[];
  rule: string;
  clockStarts: string;
  expiryAction: ExpiryAction;
}

/** The privacy notice as policies: what is kept, why, and for how long; admins edit them here. */
@Component({
  selector: 'app-policies',
  imports: [MatTableModule, MatButtonModule, ListState, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'policies.title' | t }}</h1>
      </header>
      <p class="intro">{{ 'policies.intro' | t }}</p>
      <p class="intro">{{ 'policies.editIntro' | t }}</p>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="load()">
        <ng-container listStateError>{{ 'policies.loadError' | t }}</ng-container>
      </app-list-state>
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
              <td mat-cell *matCellDef="let p">
                {{ p.legalBasis }}
                @for (basis of p.additionalBases; track $index) {
                  <div class="further" data-testid="policy-additional-basis">+ {{ basis }}</div>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="rule">
              <th mat-header-cell *matHeaderCellDef>{{ 'policies.col.rule' | t }}</th>
              <td mat-cell *matCellDef="let p">{{ p.rule }}</td>
            </ng-container>
            <ng-container matColumnDef="clockStarts">
              <th mat-header-cell *matHeaderCellDef>{{ 'policies.col.clockStarts' | t }}</th>
              <td mat-cell *matCellDef="let p">{{ p.clockStarts }}</td>
            </ng-container>
            <ng-container matColumnDef="expiryAction">
              <th mat-header-cell *matHeaderCellDef>{{ 'policies.col.expiryAction' | t }}</th>
              <td mat-cell *matCellDef="let p" data-testid="policy-expiry">{{ actionKey(p.expiryAction) | t }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
              <td mat-cell *matCellDef="let p">
                <button mat-stroked-button type="button" (click)="edit(p.policy)" data-testid="policy-edit">
                  {{ 'common.edit' | t }}<span class="cdk-visually-hidden"> {{ p.code }}</span>
                </button>
                <button mat-button type="button" (click)="editBases(p.policy)" data-testid="policy-edit-bases">
                  {{ 'policies.bases.edit' | t }}<span class="cdk-visually-hidden"> {{ p.code }}</span>
                </button>
              </td>
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
    .further {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PoliciesPage {
  private readonly api = inject(PoliciesApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  protected readonly columns = ['code', 'purpose', 'categories', 'legalBasis', 'rule', 'clockStarts', 'expiryAction', 'actions'];
  protected readonly actionKey = expiryActionKey;
  protected readonly policies = signal<PolicyView[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));

  protected readonly rows = computed<PolicyRow[]>(() => {
    const lang = this.i18n.lang();
    return this.policies().map((policy) => ({
      policy,
      code: policy.code,
      purpose: policy.purpose[lang],
      categories: policy.dataCategories[lang],
      legalBasis: LEGAL_BASIS_LABELS[policy.legalBasis]?.[lang] ?? policy.legalBasis,
      additionalBases: (policy.additionalBases ?? []).map((basis) => LEGAL_BASIS_LABELS[basis.legalBasis]?.[lang] ?? basis.legalBasis),
      rule: ruleInWords(policy, lang),
      clockStarts: policy.clockStarts[lang],
      expiryAction: policy.expiryAction,
    }));
  });

  constructor() {
    this.load();
  }

  protected edit(policy: PolicyView): void {
    this.dialog
      .open<PolicyDialog, PolicyDialogData>(PolicyDialog, { data: { policy }, width: '52rem', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      // Saved or not, show the table as the server has it now.
      .subscribe(() => this.load());
  }

  protected editBases(policy: PolicyView): void {
    this.dialog
      .open<AdditionalBasesDialog, AdditionalBasesDialogData>(AdditionalBasesDialog, { data: { policy }, width: '44rem', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe(() => this.load());
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
