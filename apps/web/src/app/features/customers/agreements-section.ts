import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, input, output, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { AgreementView, CustomerDetail } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { CustomersApi } from '../../core/api/customers.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { PrivacyBadge } from '../../shared';
import { AgreementDialog, AgreementDialogData } from './agreement-dialog';
import { AgreementFields } from './agreement-fields';
import { agreementForm, agreementInput } from './agreement-form';

@Component({
  selector: 'app-agreements-section',
  imports: [ReactiveFormsModule, MatButtonModule, MatTableModule, TranslatePipe, PrivacyBadge, AgreementFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="agreements-heading" data-testid="agreements-section">
      <div class="card-header">
        <h2 id="agreements-heading">{{ 'agreements.title' | t }}</h2>
        @if (!adding()) {
          <button mat-stroked-button type="button" (click)="startAdd()">{{ 'agreements.add' | t }}</button>
        }
      </div>

      @if (adding()) {
        <form class="add-form" [formGroup]="form" (ngSubmit)="add()" novalidate [attr.aria-label]="'agreements.add' | t">
          <h3>{{ 'agreements.add' | t }}</h3>
          @if (errors().length) {
            <div class="form-error" role="alert">
              @for (message of errors(); track $index) {
                <p>{{ message() }}</p>
              }
            </div>
          }
          <app-agreement-fields [group]="form" [autofocus]="true" />
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()">{{ (busy() ? 'common.saving' : 'common.add') | t }}</button>
            <button mat-button type="button" (click)="cancelAdd()">{{ 'common.cancel' | t }}</button>
          </div>
        </form>
      }

      @if (customer().agreements.length) {
        <div class="table-wrap">
          <table mat-table [dataSource]="customer().agreements" [attr.aria-label]="'agreements.title' | t">
            <ng-container matColumnDef="title">
              <th mat-header-cell *matHeaderCellDef>{{ 'agreements.col.title' | t }}</th>
              <td mat-cell *matCellDef="let a">{{ a.title }}</td>
            </ng-container>
            <ng-container matColumnDef="start">
              <th mat-header-cell *matHeaderCellDef>{{ 'agreements.col.start' | t }}</th>
              <td mat-cell *matCellDef="let a" class="nowrap" data-testid="agreement-start">{{ a.startDate }}</td>
            </ng-container>
            <ng-container matColumnDef="end">
              <th mat-header-cell *matHeaderCellDef>{{ 'agreements.col.end' | t }}</th>
              <td mat-cell *matCellDef="let a" class="nowrap" data-testid="agreement-end">{{ a.endDate ?? ('agreements.running' | t) }}</td>
            </ng-container>
            <ng-container matColumnDef="privacy">
              <th mat-header-cell *matHeaderCellDef>{{ 'agreements.col.privacy' | t }}</th>
              <td mat-cell *matCellDef="let a"><app-privacy-badge [privacy]="a.privacy" /></td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
              <td mat-cell *matCellDef="let a">
                <button mat-button type="button" (click)="edit(a)">
                  {{ 'common.edit' | t }}<span class="cdk-visually-hidden"> {{ a.title }}</span>
                </button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let a; columns: columns" data-testid="agreement-row"></tr>
          </table>
        </div>
      } @else if (!adding()) {
        <p class="empty">{{ 'agreements.empty' | t }}</p>
      }
    </section>
  `,
  styles: `
    .add-form {
      margin-bottom: 1rem;
      padding: 1rem;
      border-radius: 0.75rem;
      background: var(--mat-sys-surface-container);
    }
    h3 {
      margin-top: 0;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
    }
    .nowrap {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AgreementsSection {
  private readonly api = inject(CustomersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** Handed to the dialog so that it sees the route's date adapter. */
  private readonly injector = inject(Injector);

  readonly customer = input.required<CustomerDetail>();
  readonly changed = output<void>();

  protected readonly columns = ['title', 'start', 'end', 'privacy', 'actions'];
  protected readonly adding = signal(false);
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);
  protected form = agreementForm();

  protected startAdd(): void {
    this.form = agreementForm();
    this.errors.set([]);
    this.adding.set(true);
  }

  protected cancelAdd(): void {
    this.adding.set(false);
  }

  protected add(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    this.errors.set([]);
    this.api.addAgreement(this.customer().id, agreementInput(this.form)).subscribe({
      next: () => {
        this.busy.set(false);
        this.adding.set(false);
        this.snackBar.open(this.i18n.t('agreements.added'), undefined, { duration: 3000 });
        this.changed.emit();
      },
      error: (error: unknown) => {
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  protected edit(agreement: AgreementView): void {
    const data: AgreementDialogData = { customerId: this.customer().id, agreement };
    this.dialog
      .open<AgreementDialog, AgreementDialogData, boolean>(AgreementDialog, { data, injector: this.injector, width: '36rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(this.i18n.t('agreements.saved'), undefined, { duration: 3000 });
        this.changed.emit();
      });
  }
}
