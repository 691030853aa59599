import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { ContactView, CreateContactRequest, CustomerDetail, PersonExistsParams } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { CustomersApi } from '../../core/api/customers.api';
import { blankToNull } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ErrorTextPipe, PersonExistsNotice, personExists, PersonFields, personForm, personInput, PrivacyBadge } from '../../shared';
import { ContactDialog, ContactDialogData } from './contact-dialog';

@Component({
  selector: 'app-contacts-section',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatTableModule,
    TranslatePipe,
    ErrorTextPipe,
    PersonFields,
    PersonExistsNotice,
    PrivacyBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="contacts-heading" data-testid="contacts-section">
      <div class="card-header">
        <h2 id="contacts-heading">{{ 'contacts.title' | t }}</h2>
        @if (!adding()) {
          <button mat-stroked-button type="button" (click)="startAdd()">{{ 'contacts.add' | t }}</button>
        }
      </div>

      @if (adding()) {
        <form class="add-form" [formGroup]="form" (ngSubmit)="add()" novalidate [attr.aria-label]="'contacts.add' | t">
          <h3>{{ 'contacts.add' | t }}</h3>
          @if (errors().length) {
            <div class="form-error" role="alert">
              @for (message of errors(); track $index) {
                <p>{{ message() }}</p>
              }
            </div>
          }
          <app-person-fields [group]="form.controls.person" [autofocus]="true" [personnummer]="'none'" />
          @if (existing(); as existing) {
            <app-person-exists [existing]="existing" [busy]="busy()" (use)="add($event)" />
          }
          <div class="field-grid">
            <mat-form-field>
              <mat-label>{{ 'field.title' | t }}</mat-label>
              <input matInput formControlName="title" autocomplete="off" />
              <mat-error>{{ form.controls.title.errors | errorText }}</mat-error>
            </mat-form-field>
          </div>
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()">{{ (busy() ? 'common.saving' : 'common.add') | t }}</button>
            <button mat-button type="button" (click)="cancelAdd()">{{ 'common.cancel' | t }}</button>
          </div>
        </form>
      }

      @if (customer().contacts.length) {
        <div class="table-wrap">
          <table mat-table [dataSource]="customer().contacts" [attr.aria-label]="'contacts.title' | t">
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef>{{ 'contacts.col.name' | t }}</th>
              <td mat-cell *matCellDef="let c">{{ c.person.fullName }}</td>
            </ng-container>
            <ng-container matColumnDef="title">
              <th mat-header-cell *matHeaderCellDef>{{ 'contacts.col.title' | t }}</th>
              <td mat-cell *matCellDef="let c">{{ c.title }}</td>
            </ng-container>
            <ng-container matColumnDef="email">
              <th mat-header-cell *matHeaderCellDef>{{ 'contacts.col.email' | t }}</th>
              <td mat-cell *matCellDef="let c">{{ c.person.email }}</td>
            </ng-container>
            <ng-container matColumnDef="phone">
              <th mat-header-cell *matHeaderCellDef>{{ 'contacts.col.phone' | t }}</th>
              <td mat-cell *matCellDef="let c" class="nowrap">{{ c.person.phone }}</td>
            </ng-container>
            <ng-container matColumnDef="leftOn">
              <th mat-header-cell *matHeaderCellDef>{{ 'contacts.col.leftOn' | t }}</th>
              <td mat-cell *matCellDef="let c" class="nowrap" data-testid="contact-left-on">{{ c.leftOn ?? ('common.none' | t) }}</td>
            </ng-container>
            <ng-container matColumnDef="privacy">
              <th mat-header-cell *matHeaderCellDef>{{ 'contacts.col.privacy' | t }}</th>
              <td mat-cell *matCellDef="let c"><app-privacy-badge [privacy]="c.privacy" /></td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
              <td mat-cell *matCellDef="let c">
                <button mat-button type="button" (click)="edit(c)">
                  {{ 'common.edit' | t }}<span class="cdk-visually-hidden"> {{ c.person.fullName }}</span>
                </button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let c; columns: columns" data-testid="contact-row" [class.left]="!!c.leftOn"></tr>
          </table>
        </div>
      } @else if (!adding()) {
        <p class="empty">{{ 'contacts.empty' | t }}</p>
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
    tr.left td {
      color: var(--mat-sys-on-surface-variant);
    }
    .nowrap {
      white-space: nowrap;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ContactsSection {
  private readonly api = inject(CustomersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** Handed to the dialog so that it sees the route's date adapter. */
  private readonly injector = inject(Injector);

  readonly customer = input.required<CustomerDetail>();
  /** Something changed: the page reloads the customer (and so every recomputed deadline). */
  readonly changed = output<void>();

  protected readonly columns = ['name', 'title', 'email', 'phone', 'leftOn', 'privacy', 'actions'];
  protected readonly adding = signal(false);
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);
  /** The person already registered with the typed address (the server's `person_exists`). */
  protected readonly existing = signal<PersonExistsParams | null>(null);
  protected form = this.newForm();

  protected startAdd(): void {
    this.form = this.newForm();
    this.errors.set([]);
    this.existing.set(null);
    this.adding.set(true);
  }

  protected cancelAdd(): void {
    this.adding.set(false);
  }

  /** `existingPersonId`: the registered person the staff chose to use (blank fields filled in). */
  protected add(existingPersonId?: string): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    this.errors.set([]);
    this.existing.set(null);
    const request: CreateContactRequest = {
      person: personInput(this.form.controls.person, 'omit'),
      title: blankToNull(this.form.controls.title.value),
      ...(existingPersonId ? { existingPersonId } : {}),
    };
    this.api.addContact(this.customer().id, request).subscribe({
      next: () => {
        this.busy.set(false);
        this.adding.set(false);
        this.snackBar.open(this.i18n.t('contacts.added'), undefined, { duration: 3000 });
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.existing.set(personExists(error));
        if (this.existing()) {
          this.busy.set(false);
          return;
        }
        const unmatched = applyServerErrors(this.form, error, ['person']);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  protected edit(contact: ContactView): void {
    const data: ContactDialogData = { customerId: this.customer().id, contact };
    this.dialog
      .open<ContactDialog, ContactDialogData, boolean>(ContactDialog, { data, injector: this.injector, width: '44rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(this.i18n.t('contacts.saved'), undefined, { duration: 3000 });
        this.changed.emit();
      });
  }

  private newForm() {
    const form = new FormGroup({
      person: personForm(),
      title: new FormControl('', { nonNullable: true }),
    });
    // Another address is another question: the notice goes.
    form.controls.person.controls.email.valueChanges.subscribe(() => this.existing.set(null));
    return form;
  }
}
