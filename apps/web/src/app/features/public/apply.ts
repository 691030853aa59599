import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { applicantConsentText, DEFAULT_POLICIES, retentionInWords } from '@privdesk/domain';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of } from 'rxjs';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { PublicApi } from '../../core/api/rights.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { AutofocusDirective, ErrorTextPipe } from '../../shared';
import { fileSize } from '../../shared/file-size';
import { Honeypot } from './honeypot';

export const MAX_DOCUMENTS = 5;
export const MAX_DOCUMENT_BYTES = 10 * 1_048_576;
/** What the server accepts (PDF, Word, OpenDocument text, JPEG, PNG, plain text). */
export const DOCUMENT_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'image/jpeg',
  'image/png',
  'text/plain',
];
export const DOCUMENT_ACCEPT = '.pdf,.doc,.docx,.odt,.jpg,.jpeg,.png,.txt,' + DOCUMENT_TYPES.join(',');

export type DocumentProblem = 'type' | 'size' | 'count';

/** Why a set of files cannot be sent, file by file; an empty list when all is well. */
export function documentProblems(files: readonly Pick<File, 'name' | 'type' | 'size'>[]): { name: string; problem: DocumentProblem }[] {
  const problems: { name: string; problem: DocumentProblem }[] = [];
  files.forEach((file, index) => {
    if (index >= MAX_DOCUMENTS) problems.push({ name: file.name, problem: 'count' });
    else if (!DOCUMENT_TYPES.includes(file.type)) problems.push({ name: file.name, problem: 'type' });
    else if (file.size > MAX_DOCUMENT_BYTES) problems.push({ name: file.name, problem: 'size' });
  });
  return problems;
}

/** The public job and internship application: fields, documents and the consent they are kept under. */
@Component({
  selector: 'app-apply',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    ErrorTextPipe,
    AutofocusDirective,
    Honeypot,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow public-form">
      <h1>{{ 'apply.title' | t }}</h1>
      @if (sent()) {
        <div class="thanks" role="status" data-testid="apply-thanks">
          <h2>{{ 'apply.thanks' | t }}</h2>
          <p>{{ 'apply.thanksText' | t }}</p>
        </div>
      } @else {
        <p class="intro">{{ 'apply.intro' | t }}</p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="apply-form">
          @if (errors().length) {
            <div class="form-error" role="alert">
              @for (message of errors(); track $index) {
                <p>{{ message() }}</p>
              }
            </div>
          }
          <div class="field-grid">
            <mat-form-field>
              <mat-label>{{ 'field.firstName' | t }}</mat-label>
              <input matInput formControlName="firstName" autocomplete="given-name" required appAutofocus />
              <mat-error>{{ form.controls.firstName.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.lastName' | t }}</mat-label>
              <input matInput formControlName="lastName" autocomplete="family-name" required />
              <mat-error>{{ form.controls.lastName.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.email' | t }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="email" required />
              <mat-error>{{ form.controls.email.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.phone' | t }}</mat-label>
              <input matInput type="tel" formControlName="phone" autocomplete="tel" />
              <mat-hint>{{ 'contact.optional' | t }}</mat-hint>
              <mat-error>{{ form.controls.phone.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'apply.position' | t }}</mat-label>
              <input matInput formControlName="position" required />
              <mat-hint>{{ 'apply.positionHint' | t }}</mat-hint>
              <mat-error>{{ form.controls.position.errors | errorText }}</mat-error>
            </mat-form-field>
          </div>

          <fieldset class="documents">
            <legend>{{ 'apply.documents' | t }}</legend>
            <p class="hint" id="documents-hint">{{ 'apply.documentsHint' | t: { n: maxDocuments } }}</p>
            <input
              #fileInput
              id="documents"
              class="file-input"
              type="file"
              name="documents"
              multiple
              [accept]="accept"
              aria-describedby="documents-hint"
              (change)="addFiles(fileInput)"
              data-testid="apply-files"
            />
            <label for="documents" class="file-label mat-mdc-button-base">{{ 'apply.chooseFiles' | t }}</label>
            @if (files().length) {
              <ul class="files">
                @for (file of files(); track $index) {
                  <li>
                    <span class="name">{{ file.name }}</span> <span class="size">{{ size(file.size) }}</span>
                    <button mat-button type="button" class="compact" (click)="removeFile($index)">
                      {{ 'apply.removeFile' | t }}<span class="cdk-visually-hidden"> {{ file.name }}</span>
                    </button>
                  </li>
                }
              </ul>
            }
            @for (p of problems(); track $index) {
              <p class="problem" role="alert">{{ problemKey(p.problem) | t: { name: p.name, n: maxDocuments } }}</p>
            }
          </fieldset>

          <div class="consent">
            <mat-checkbox formControlName="consent" required data-testid="apply-consent">{{ consentText() }}</mat-checkbox>
            @if (form.controls.consent.touched && form.controls.consent.invalid) {
              <p class="problem" role="alert">{{ 'apply.consentRequired' | t }}</p>
            }
          </div>
          <app-honeypot [control]="form.controls.website" />
          <p class="privacy-note">
            {{ privacyLine() }} <a routerLink="/privacy">{{ 'contact.readNotice' | t }}</a>
          </p>
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="apply-send">{{ (busy() ? 'contact.sending' : 'apply.send') | t }}</button>
          </div>
          @if (busy()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'contact.sending' | t" />
          }
        </form>
      }
    </section>
  `,
  styles: `
    .documents {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.75rem;
      padding: 0.75rem 1rem 1rem;
      margin: 0.5rem 0 1rem;
    }
    legend {
      padding-inline: 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .hint,
    .privacy-note,
    .size {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .file-input {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
    }
    .file-label {
      display: inline-block;
      padding: 0.5rem 1rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 1.25rem;
      color: var(--mat-sys-primary);
      cursor: pointer;
      font: var(--mat-sys-label-large);
    }
    .file-input:focus-visible + .file-label {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .files {
      padding-left: 1.25rem;
    }
    .name {
      overflow-wrap: anywhere;
    }
    .problem {
      color: var(--mat-sys-error);
      margin: 0.25rem 0;
    }
    .consent {
      margin-block: 0.5rem;
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
export class ApplyPage {
  private readonly api = inject(PublicApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly maxDocuments = MAX_DOCUMENTS;
  protected readonly accept = DOCUMENT_ACCEPT;
  protected readonly size = (bytes: number) => fileSize(bytes, this.i18n.lang());
  /** The notice's own row for applications (P1): the consent and the note promise what the stored policy keeps. */
  private readonly purpose = toSignal(
    this.api.notice().pipe(
      map((notice) => notice.purposes.find((p) => p.code === 'P1') ?? null),
      catchError(() => of(null)),
    ),
    { initialValue: null },
  );
  private readonly retention = computed(() => this.purpose()?.retention ?? retentionInWords(DEFAULT_POLICIES.P1));
  protected readonly consentText = computed(() => applicantConsentText(this.retention())[this.i18n.lang()]);
  protected readonly privacyLine = computed(() => this.i18n.t('apply.privacy', { retention: this.retention()[this.i18n.lang()] }));
  protected readonly problemKey = (problem: DocumentProblem): `apply.problem.${DocumentProblem}` => `apply.problem.${problem}`;

  protected readonly form = new FormGroup({
    firstName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    lastName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email, Validators.maxLength(254)] }),
    phone: new FormControl('', { nonNullable: true }),
    position: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    consent: new FormControl(false, { nonNullable: true, validators: [Validators.requiredTrue] }),
    website: new FormControl('', { nonNullable: true }),
  });
  protected readonly files = signal<File[]>([]);
  protected readonly problems = computed(() => documentProblems(this.files()));
  protected readonly busy = signal(false);
  protected readonly sent = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  protected addFiles(input: HTMLInputElement): void {
    const chosen = Array.from(input.files ?? []);
    this.files.update((files) => [...files, ...chosen]);
    // The same file may be chosen again after removing it.
    input.value = '';
  }

  protected removeFile(index: number): void {
    this.files.update((files) => files.filter((_, i) => i !== index));
  }

  protected submit(): void {
    if (this.busy()) return;
    if (this.form.invalid || this.problems().length) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    const body = new FormData();
    body.append('firstName', value.firstName.trim());
    body.append('lastName', value.lastName.trim());
    body.append('email', value.email.trim());
    if (value.phone.trim()) body.append('phone', value.phone.trim());
    body.append('position', value.position.trim());
    body.append('consent', 'true');
    body.append('language', this.i18n.lang());
    body.append('website', value.website);
    for (const file of this.files()) body.append('documents', file, file.name);
    this.busy.set(true);
    this.errors.set([]);
    this.api.apply(body).subscribe({
      next: () => {
        this.busy.set(false);
        this.sent.set(true);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (error instanceof HttpErrorResponse && error.status === 429) {
          this.errors.set([() => this.i18n.t('contact.tooMany')]);
          return;
        }
        if (error instanceof HttpErrorResponse && error.status === 413) {
          this.errors.set([() => this.i18n.t('apply.tooLarge')]);
          return;
        }
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
