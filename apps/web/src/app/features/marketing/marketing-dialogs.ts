import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  MARKETING_AUDIENCES,
  MARKETING_SOURCES,
  MarketingAudience,
  MarketingContactView,
  MarketingSendResult,
  MarketingSource,
  PersonExistsParams,
  stockholmDate,
} from '@privdesk/domain';
import { startWith } from 'rxjs';
import { apiError, applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { MarketingApi } from '../../core/api/rights.api';
import { blankToNull } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { dateToIso, isoToDate } from '../../core/iso-date-adapter';
import { ErrorTextPipe, PersonExistsNotice, personExists, PersonFields, personForm, personInput } from '../../shared';
import { audienceKey, countDecisions, decisionKey, groundKey, recipientSourceKey, sortDecisions, sourceKey } from './marketing-labels';

/** A new marketing contact: who, where the details came from, and any consent in the person's own words. */
@Component({
  selector: 'app-marketing-contact-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ErrorTextPipe,
    PersonFields,
    PersonExistsNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ 'marketing.addTitle' | t }}</h2>
      <mat-dialog-content>
        @if (errors().length) {
          <div class="form-error" role="alert" data-testid="marketing-add-error">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        <app-person-fields [group]="form.controls.person" [autofocus]="true" personnummer="none" />
        @if (existing(); as existing) {
          <app-person-exists [existing]="existing" [busy]="busy()" (use)="save($event)" />
        }
        <div class="field-grid">
          <mat-form-field>
            <mat-label>{{ 'marketing.audience' | t }}</mat-label>
            <mat-select formControlName="audience" required>
              @for (a of audiences; track a) {
                <mat-option [value]="a">{{ audienceKey(a) | t }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @if (form.controls.audience.value === 'business') {
            <mat-form-field>
              <mat-label>{{ 'marketing.companyName' | t }}</mat-label>
              <input matInput formControlName="companyName" autocomplete="off" />
              <mat-error>{{ form.controls.companyName.errors | errorText }}</mat-error>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ 'marketing.source' | t }}</mat-label>
            <mat-select formControlName="source" required>
              @for (s of sources; track s) {
                <mat-option [value]="s">{{ sourceKey(s) | t }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.source.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'marketing.receivedOn' | t }}</mat-label>
            <input matInput [matDatepicker]="receivedPicker" formControlName="receivedOn" required autocomplete="off" />
            <mat-datepicker-toggle matIconSuffix [for]="receivedPicker" />
            <mat-datepicker #receivedPicker />
            <mat-hint>{{ 'marketing.receivedHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.receivedOn.errors | errorText }}</mat-error>
          </mat-form-field>
        </div>
        <mat-checkbox formControlName="consent">{{ 'marketing.consent' | t }}</mat-checkbox>
        <p class="hint">{{ (form.controls.audience.value === 'business' ? 'marketing.consentHintBusiness' : 'marketing.consentHintConsumer') | t }}</p>
        @if (form.controls.consent.value) {
          <mat-form-field class="full">
            <mat-label>{{ 'marketing.consentText' | t }}</mat-label>
            <textarea matInput formControlName="consentText" rows="3" required></textarea>
            <mat-hint>{{ 'marketing.consentTextHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.consentText.errors | errorText }}</mat-error>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="marketing-add-save">{{ (busy() ? 'common.saving' : 'common.add') | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .hint {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MarketingContactDialog {
  private readonly api = inject(MarketingApi);
  private readonly ref = inject<MatDialogRef<MarketingContactDialog, MarketingContactView>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly audiences = MARKETING_AUDIENCES;
  protected readonly sources = MARKETING_SOURCES;
  protected readonly audienceKey = audienceKey;
  protected readonly sourceKey = sourceKey;

  protected readonly form = new FormGroup({
    person: personForm(),
    audience: new FormControl<MarketingAudience>('consumer', { nonNullable: true }),
    companyName: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    source: new FormControl<MarketingSource | null>(null, { validators: [Validators.required] }),
    receivedOn: new FormControl<Date | null>(isoToDate(stockholmDate(new Date())), { validators: [Validators.required] }),
    consent: new FormControl(false, { nonNullable: true }),
    consentText: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
  });
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);
  /** The person already registered with the typed address (the server's `person_exists`). */
  protected readonly existing = signal<PersonExistsParams | null>(null);

  constructor() {
    this.form.controls.person.controls.email.valueChanges.subscribe(() => this.existing.set(null));
    // The words consented to are required with a consent.
    this.form.controls.consent.valueChanges.pipe(startWith(false)).subscribe((consent) => {
      const text = this.form.controls.consentText;
      text.setValidators(consent ? [Validators.required, Validators.maxLength(2000)] : [Validators.maxLength(2000)]);
      text.updateValueAndValidity({ emitEvent: false });
    });
  }

  /** `existingPersonId`: the registered person the staff chose to use (blank fields filled in). */
  protected save(existingPersonId?: string): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.errors.set([]);
    this.existing.set(null);
    this.api
      .create({
        person: personInput(this.form.controls.person, 'omit'),
        ...(existingPersonId ? { existingPersonId } : {}),
        audience: value.audience,
        companyName: value.audience === 'business' ? blankToNull(value.companyName) : null,
        source: value.source as MarketingSource,
        receivedOn: dateToIso(value.receivedOn) ?? '',
        consent: value.consent,
        consentText: value.consent ? blankToNull(value.consentText) : null,
      })
      .subscribe({
        next: (contact) => this.ref.close(contact),
        error: (error: unknown) => {
          this.busy.set(false);
          this.existing.set(personExists(error));
          if (this.existing()) return;
          if (error instanceof HttpErrorResponse && error.status === 409) {
            // An objection names the address; otherwise the person is on the list already.
            this.errors.set([() => this.i18n.t(apiError(error)?.fields?.['email'] ? 'marketing.objected' : 'personExists.alreadyMarketing')]);
            return;
          }
          const unmatched = applyServerErrors(this.form, error);
          this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
          focusFirstInvalid(this.host.nativeElement);
        },
      });
  }
}

/**
 * A new mailing: write it, see who would get it and on what ground (a dry run on the server),
 * then send. Closes with the send result.
 */
@Component({
  selector: 'app-mailing-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'mailing.title' | t }}</h2>
    <mat-dialog-content>
      @if (errors().length) {
        <div class="form-error" role="alert">
          @for (message of errors(); track $index) {
            <p>{{ message() }}</p>
          }
        </div>
      }
      <form [formGroup]="form" (ngSubmit)="preview()" novalidate id="mailing-form">
        <mat-form-field class="full">
          <mat-label>{{ 'mailing.subject' | t }}</mat-label>
          <input matInput formControlName="subject" required autocomplete="off" data-testid="mailing-subject" />
          <mat-error>{{ form.controls.subject.errors | errorText }}</mat-error>
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>{{ 'mailing.body' | t }}</mat-label>
          <textarea matInput formControlName="body" rows="6" required data-testid="mailing-body"></textarea>
          <mat-hint>{{ 'mailing.bodyHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.body.errors | errorText }}</mat-error>
        </mat-form-field>
      </form>

      @if (preview_(); as p) {
        <section class="preview" aria-labelledby="preview-heading" data-testid="mailing-preview">
          <h3 id="preview-heading">{{ 'mailing.previewTitle' | t }}</h3>
          <p>{{ 'mailing.previewSummary' | t: { send: counts().send, skip: p.decisions.length - counts().send } }}</p>
          <div class="table-wrap">
            <table class="decisions">
              <thead>
                <tr>
                  <th scope="col">{{ 'mailing.col.name' | t }}</th>
                  <th scope="col">{{ 'mailing.col.decision' | t }}</th>
                  <th scope="col">{{ 'mailing.col.why' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (d of decisions(); track d.contactId) {
                  <tr [attr.data-decision]="d.decision" [attr.data-ground]="d.ground" data-testid="mailing-decision">
                    <td>
                      {{ d.name }}
                      <span class="source">{{ recipientSourceKey(d.source) | t }}</span>
                    </td>
                    <td class="nowrap decision">{{ decisionKey(d.decision) | t }}</td>
                    <td>{{ (d.ground ? groundKey(d.ground) : whyNotKey(d.decision)) | t: { until: d.until ?? '' } }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @if (!p.decisions.length) {
            <p>{{ 'mailing.noContacts' | t }}</p>
          }
        </section>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-stroked-button type="submit" form="mailing-form" [disabled]="busy()" data-testid="mailing-preview-button">{{ 'mailing.preview' | t }}</button>
      <button mat-flat-button type="button" [disabled]="busy() || !preview_() || stale() || counts().send === 0" (click)="send()" data-testid="mailing-send">
        {{ 'mailing.send' | t: { n: counts().send } }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .preview h3 {
      margin: 1rem 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    table.decisions .source {
      display: block;
      font-size: 0.85em;
      color: var(--mat-sys-on-surface-variant, #555);
    }
    table.decisions {
      width: 100%;
      border-collapse: collapse;
    }
    table.decisions th,
    table.decisions td {
      padding: 0.35rem 0.5rem;
      text-align: start;
      vertical-align: top;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    tr[data-decision='send'] .decision {
      color: #1b5e20;
      font-weight: 600;
    }
    tr:not([data-decision='send']) .decision {
      color: var(--mat-sys-error);
    }
  `,
})
export class MailingDialog {
  private readonly api = inject(MarketingApi);
  private readonly ref = inject<MatDialogRef<MailingDialog, MarketingSendResult>>(MatDialogRef);
  private readonly i18n = inject(I18n);

  protected readonly decisionKey = decisionKey;
  protected readonly recipientSourceKey = recipientSourceKey;
  protected readonly groundKey = groundKey;
  protected readonly whyNotKey = (decision: MarketingSendResult['decisions'][number]['decision']): `mailing.whyNot.${typeof decision}` => `mailing.whyNot.${decision}`;

  protected readonly form = new FormGroup({
    subject: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    body: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(20000)] }),
  });
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);
  protected readonly preview_ = signal<MarketingSendResult | null>(null);
  protected readonly decisions = computed(() => sortDecisions(this.preview_()?.decisions ?? []));
  protected readonly counts = computed(() => countDecisions(this.preview_()?.decisions ?? []));
  /** The text changed after the preview: preview again before sending. */
  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  private readonly previewedValue = signal<string | null>(null);
  protected readonly stale = computed(() => JSON.stringify(this.formValue()) !== this.previewedValue());

  protected preview(): void {
    this.run(true);
  }

  protected send(): void {
    this.run(false);
  }

  private run(dryRun: boolean): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.errors.set([]);
    this.api.send({ subject: value.subject.trim(), body: value.body.trim(), dryRun }).subscribe({
      next: (result) => {
        this.busy.set(false);
        if (dryRun) {
          this.preview_.set(result);
          this.previewedValue.set(JSON.stringify(this.form.getRawValue()));
        } else {
          this.ref.close(result);
        }
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
      },
    });
  }
}
