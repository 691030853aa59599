import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { PublicApi } from '../../core/api/rights.api';
import { blankToNull } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { AutofocusDirective, ErrorTextPipe } from '../../shared';
import { Honeypot } from './honeypot';

/** The purpose the contact form's data is kept for (the policy table's row). */
export const CONTACT_FORM_PURPOSE = 'P8';

/** The public contact form: a question comes in as an inquiry that staff answer. */
@Component({
  selector: 'app-contact',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslatePipe, ErrorTextPipe, AutofocusDirective, Honeypot],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow public-form">
      <h1>{{ 'contact.title' | t }}</h1>
      @if (sent()) {
        <div class="thanks" role="status" data-testid="contact-thanks">
          <h2>{{ 'contact.thanks' | t }}</h2>
          <p>{{ 'contact.thanksText' | t }}</p>
          <button mat-stroked-button type="button" (click)="again()">{{ 'contact.again' | t }}</button>
        </div>
      } @else {
        <p class="intro">{{ 'contact.intro' | t }}</p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="contact-form">
          @if (errors().length) {
            <div class="form-error" role="alert" data-testid="contact-error">
              @for (message of errors(); track $index) {
                <p>{{ message() }}</p>
              }
            </div>
          }
          <div class="field-grid">
            <mat-form-field>
              <mat-label>{{ 'contact.name' | t }}</mat-label>
              <input matInput formControlName="name" autocomplete="name" required appAutofocus />
              <mat-error>{{ form.controls.name.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'contact.email' | t }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="email" required />
              <mat-error>{{ form.controls.email.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'contact.phone' | t }}</mat-label>
              <input matInput type="tel" formControlName="phone" autocomplete="tel" />
              <mat-hint>{{ 'contact.optional' | t }}</mat-hint>
              <mat-error>{{ form.controls.phone.errors | errorText }}</mat-error>
            </mat-form-field>
          </div>
          <mat-form-field class="full">
            <mat-label>{{ 'contact.message' | t }}</mat-label>
            <textarea matInput formControlName="message" rows="6" required></textarea>
            <mat-error>{{ form.controls.message.errors | errorText }}</mat-error>
          </mat-form-field>
          <app-honeypot [control]="form.controls.website" />
          <p class="privacy-note" data-testid="contact-privacy">
            {{ privacyLine() }}
            <a routerLink="/privacy">{{ 'contact.readNotice' | t }}</a>
          </p>
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="contact-send">{{ (busy() ? 'contact.sending' : 'contact.send') | t }}</button>
          </div>
          @if (busy()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'contact.sending' | t" />
          }
        </form>
      }
    </section>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .privacy-note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .thanks {
      padding: 1rem 1.25rem;
      border-radius: 1rem;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .thanks h2 {
      margin-top: 0;
    }
  `,
})
export class ContactPage {
  private readonly api = inject(PublicApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email, Validators.maxLength(254)] }),
    phone: new FormControl('', { nonNullable: true }),
    message: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(5000)] }),
    website: new FormControl('', { nonNullable: true }),
  });
  protected readonly busy = signal(false);
  protected readonly sent = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  /** The notice's own row for the contact form, so this line says what the notice says. */
  private readonly purpose = toSignal(
    this.api.notice().pipe(
      map((notice) => notice.purposes.find((p) => p.code === CONTACT_FORM_PURPOSE) ?? null),
      catchError(() => of(null)),
    ),
    { initialValue: null },
  );

  protected readonly privacyLine = computed(() => {
    const lang = this.i18n.lang();
    const purpose = this.purpose();
    return purpose
      ? this.i18n.t('contact.privacy', { retention: purpose.retention[lang], code: purpose.code, basis: purpose.legalBasisName[lang].toLowerCase() })
      : this.i18n.t('contact.privacyShort');
  });

  protected submit(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.errors.set([]);
    this.api
      .sendInquiry({ name: value.name.trim(), email: value.email.trim(), phone: blankToNull(value.phone), message: value.message.trim(), website: value.website })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.sent.set(true);
          this.form.reset();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          if (error instanceof HttpErrorResponse && error.status === 429) {
            this.errors.set([() => this.i18n.t('contact.tooMany')]);
            return;
          }
          const unmatched = applyServerErrors(this.form, error);
          this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
          focusFirstInvalid(this.host.nativeElement);
        },
      });
  }

  protected again(): void {
    this.sent.set(false);
  }
}
