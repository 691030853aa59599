import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ApplicantView, DOCUMENT_SENSITIVITIES, DocumentSensitivity, stockholmDate } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../../core/api/api-errors';
import { ApplicantsApi } from '../../../core/api/rights.api';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { applicationSourceKey, sensitivityKey } from './applicant-labels';
import { ErrorTextPipe, fileSize } from '../../../shared';
import { DOCUMENT_ACCEPT, DocumentProblem, documentProblems } from '../../public/apply';

type StaffSource = 'email' | 'paper' | 'recruiter';

/** Registers an application that did not come through the form: its fields, scans (each marked by what it holds), source and consent. */
@Component({
  selector: 'app-applicant-register-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, ErrorTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'register.title' | t }}</h2>
    <mat-dialog-content>
      <p class="intro">{{ 'register.intro' | t }}</p>
      @if (error()) {
        <p class="form-error" role="alert">{{ error() }}</p>
      }
      <form [formGroup]="form" id="register-form" (ngSubmit)="save()" class="grid">
        <mat-form-field>
          <mat-label>{{ 'register.firstName' | t }}</mat-label>
          <input matInput formControlName="firstName" required autocomplete="off" data-testid="register-firstName" />
          <mat-error>{{ form.controls.firstName.errors | errorText }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'register.lastName' | t }}</mat-label>
          <input matInput formControlName="lastName" required autocomplete="off" data-testid="register-lastName" />
          <mat-error>{{ form.controls.lastName.errors | errorText }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'register.email' | t }}</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" />
          <mat-error>{{ form.controls.email.errors | errorText }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'register.phone' | t }}</mat-label>
          <input matInput type="tel" formControlName="phone" autocomplete="off" />
          <mat-error>{{ form.controls.phone.errors | errorText }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'register.position' | t }}</mat-label>
          <input matInput formControlName="position" required data-testid="register-position" />
          <mat-error>{{ form.controls.position.errors | errorText }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'register.source' | t }}</mat-label>
          <mat-select formControlName="source" data-testid="register-source">
            @for (source of sources; track source) {
              <mat-option [value]="source">{{ applicationSourceKey(source) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'register.receivedOn' | t }}</mat-label>
          <input matInput type="date" formControlName="receivedOn" required [max]="today" data-testid="register-receivedOn" />
          <mat-error>{{ form.controls.receivedOn.errors | errorText }}</mat-error>
        </mat-form-field>
        @if (form.controls.source.value === 'recruiter') {
          <mat-form-field class="wide">
            <mat-label>{{ 'register.recruiterName' | t }}</mat-label>
            <input matInput formControlName="recruiterName" data-testid="register-recruiterName" />
            <mat-error>{{ form.controls.recruiterName.errors | errorText }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field class="wide">
          <mat-label>{{ 'register.consentText' | t }}</mat-label>
          <textarea matInput formControlName="consentText" rows="2" required data-testid="register-consentText"></textarea>
          <mat-hint>{{ 'register.consentHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.consentText.errors | errorText }}</mat-error>
        </mat-form-field>
      </form>

      <section aria-labelledby="register-documents" class="documents">
        <h3 id="register-documents">{{ 'register.documents' | t }}</h3>
        <ul>
          @for (document of documents(); track $index) {
            <li data-testid="register-document">
              <span class="name">{{ document.file.name }} <span class="size">({{ size(document.file.size) }})</span></span>
              <mat-form-field class="sensitivity" subscriptSizing="dynamic">
                <mat-label>{{ 'register.sensitivityOf' | t: { name: document.file.name } }}</mat-label>
                <mat-select [value]="document.sensitivity" (valueChange)="mark($index, $event)" data-testid="register-sensitivity">
                  @for (sensitivity of sensitivities; track sensitivity) {
                    <mat-option [value]="sensitivity">{{ sensitivityKey(sensitivity) | t }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <button mat-button type="button" (click)="remove($index)">{{ 'register.remove' | t: { name: document.file.name } }}</button>
            </li>
          }
        </ul>
        @for (problem of problems(); track problem.name) {
          <p class="form-error" role="alert">{{ problemKey(problem.problem) | t: { name: problem.name, n: 5 } }}</p>
        }
        <input #picker type="file" multiple [accept]="accept" (change)="add(picker)" class="cdk-visually-hidden" data-testid="register-files" />
        <button mat-stroked-button type="button" (click)="picker.click()">{{ 'register.addDocuments' | t }}</button>
      </section>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="register-form" [disabled]="busy()" data-testid="register-save">{{ 'register.save' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0 1rem;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .intro,
    .size {
      color: var(--mat-sys-on-surface-variant);
    }
    .documents ul {
      list-style: none;
      padding: 0;
      margin: 0 0 0.5rem;
    }
    .documents li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1rem;
      padding: 0.25rem 0;
    }
    .documents .name {
      flex: 1 1 12rem;
      overflow-wrap: anywhere;
    }
    .sensitivity {
      width: 14rem;
    }
    h3 {
      font: var(--mat-sys-title-small);
    }
  `,
})
export class ApplicantRegisterDialog {
  protected readonly applicationSourceKey = applicationSourceKey;
  protected readonly sensitivityKey = sensitivityKey;
  protected readonly problemKey = (problem: DocumentProblem): `apply.problem.${DocumentProblem}` => `apply.problem.${problem}`;
  private readonly api = inject(ApplicantsApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject(ElementRef<HTMLElement>);
  private readonly dialogRef = inject(MatDialogRef<ApplicantRegisterDialog, ApplicantView>);

  protected readonly sources: readonly StaffSource[] = ['email', 'paper', 'recruiter'];
  protected readonly sensitivities = DOCUMENT_SENSITIVITIES;
  protected readonly accept = DOCUMENT_ACCEPT;
  protected readonly today = stockholmDate(new Date());
  protected readonly size = fileSize;
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly documents = signal<Array<{ file: File; sensitivity: DocumentSensitivity }>>([]);
  protected readonly problems = computed(() => documentProblems(this.documents().map((document) => document.file)));

  protected readonly form = new FormGroup({
    firstName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    lastName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.email] }),
    phone: new FormControl('', { nonNullable: true }),
    position: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    source: new FormControl<StaffSource>('paper', { nonNullable: true }),
    recruiterName: new FormControl('', { nonNullable: true }),
    receivedOn: new FormControl(this.today, { nonNullable: true, validators: [Validators.required] }),
    consentText: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(2000)] }),
  });

  protected add(input: HTMLInputElement): void {
    const chosen = Array.from(input.files ?? []).map((file) => ({ file, sensitivity: 'none' as DocumentSensitivity }));
    this.documents.update((documents) => [...documents, ...chosen]);
    input.value = '';
  }

  protected mark(index: number, sensitivity: DocumentSensitivity): void {
    this.documents.update((documents) => documents.map((document, i) => (i === index ? { ...document, sensitivity } : document)));
  }

  protected remove(index: number): void {
    this.documents.update((documents) => documents.filter((_, i) => i !== index));
  }

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid || this.problems().length) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    const body = new FormData();
    for (const key of ['firstName', 'lastName', 'position', 'source', 'receivedOn', 'consentText'] as const) body.append(key, value[key].trim());
    if (value.email.trim()) body.append('email', value.email.trim());
    if (value.phone.trim()) body.append('phone', value.phone.trim());
    if (value.source === 'recruiter') body.append('recruiterName', value.recruiterName.trim());
    for (const { file, sensitivity } of this.documents()) body.append(sensitivity === 'none' ? 'documents' : `documents.${sensitivity}`, file, file.name);
    this.busy.set(true);
    this.error.set('');
    this.api.register(body).subscribe({
      next: (applicant) => this.dialogRef.close(applicant),
      error: (error: unknown) => {
        this.busy.set(false);
        const unmatched = applyServerErrors(this.form, error);
        if (unmatched.length || !this.form.invalid) this.error.set(unmatched.join(' ') || describeError(error, this.i18n));
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
