import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  CreateSubjectRequest,
  PersonSearchResult,
  REQUEST_CHANNELS,
  RequestChannel,
  stockholmDate,
  SUBJECT_REQUEST_KINDS,
  SubjectRequestKind,
} from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../../core/api/api-errors';
import { SubjectRequestsApi } from '../../../core/api/rights.api';
import { blankToNull } from '../../../core/format';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { dateToIso, isoToDate } from '../../../core/iso-date-adapter';
import { AutofocusDirective, ErrorTextPipe, PersonFinder } from '../../../shared';
import { requestChannelKey, requestKindKey } from './request-labels';

/** Registers a request as it came in; the deadline (received + 1 month) follows from the day received. */
@Component({
  selector: 'app-request-new',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ErrorTextPipe,
    AutofocusDirective,
    PersonFinder,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow">
      <a class="back-link" routerLink="..">← {{ 'requests.title' | t }}</a>
      <h1>{{ 'requestNew.title' | t }}</h1>
      <p class="intro">{{ 'requestNew.intro' | t }}</p>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="request-form">
        @if (errors().length) {
          <div class="form-error" role="alert">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        <section class="card">
          <h2>{{ 'requestNew.what' | t }}</h2>
          <div class="field-grid">
            <mat-form-field>
              <mat-label>{{ 'request.kind' | t }}</mat-label>
              <mat-select formControlName="kind" required data-testid="request-kind" appAutofocus>
                @for (kind of kinds; track kind) {
                  <mat-option [value]="kind">{{ kindKey(kind) | t }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ form.controls.kind.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'request.channel' | t }}</mat-label>
              <mat-select formControlName="channel" required data-testid="request-channel">
                @for (channel of channels; track channel) {
                  <mat-option [value]="channel">{{ channelKey(channel) | t }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ form.controls.channel.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'request.receivedOn' | t }}</mat-label>
              <input matInput [matDatepicker]="receivedPicker" formControlName="receivedOn" required autocomplete="off" data-testid="request-received" />
              <mat-datepicker-toggle matIconSuffix [for]="receivedPicker" />
              <mat-datepicker #receivedPicker />
              <mat-hint>{{ 'requestNew.receivedHint' | t }}</mat-hint>
              <mat-error>{{ form.controls.receivedOn.errors | errorText }}</mat-error>
            </mat-form-field>
          </div>
        </section>

        <section class="card">
          <h2>{{ 'requestNew.who' | t }}</h2>
          <div class="field-grid">
            <mat-form-field>
              <mat-label>{{ 'request.requesterName' | t }}</mat-label>
              <input matInput formControlName="requesterName" required autocomplete="off" data-testid="request-requester" />
              <mat-error>{{ form.controls.requesterName.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'request.requesterContact' | t }}</mat-label>
              <input matInput formControlName="requesterContact" autocomplete="off" />
              <mat-hint>{{ 'requestNew.contactHint' | t }}</mat-hint>
              <mat-error>{{ form.controls.requesterContact.errors | errorText }}</mat-error>
            </mat-form-field>
          </div>
          @if (person(); as p) {
            <p class="picked" data-testid="request-person">
              {{ 'requestNew.personPicked' | t: { name: p.person.fullName } }}
              <span class="sub">{{ p.person.email ?? '' }} · {{ 'finder.records' | t: { n: p.records.length } }}</span>
              <button mat-button type="button" class="compact" (click)="person.set(null)">{{ 'requestNew.personClear' | t }}</button>
            </p>
          } @else {
            <app-person-finder label="requestNew.findPerson" (picked)="pick($event)" />
            <p class="sub">{{ 'requestNew.personLater' | t }}</p>
          }
        </section>

        <section class="card">
          <h2>{{ 'requestNew.identity' | t }}</h2>
          <mat-checkbox formControlName="identityChecked" data-testid="request-identity">{{ 'request.identityChecked' | t }}</mat-checkbox>
          <div class="field-grid">
            <mat-form-field class="wide">
              <mat-label>{{ 'request.identityMethod' | t }}</mat-label>
              <input matInput formControlName="identityMethod" autocomplete="off" />
              <mat-hint>{{ 'request.identityMethodHint' | t }}</mat-hint>
            </mat-form-field>
          </div>
          <mat-form-field class="full">
            <mat-label>{{ 'request.notes' | t }}</mat-label>
            <textarea matInput formControlName="notes" rows="3"></textarea>
          </mat-form-field>
        </section>

        <div class="form-actions">
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="request-save">{{ (busy() ? 'common.saving' : 'requestNew.save') | t }}</button>
          <a mat-button routerLink="..">{{ 'common.cancel' | t }}</a>
        </div>
      </form>
    </section>
  `,
  styles: `
    .full {
      width: 100%;
    }
    h2 {
      margin-top: 0;
      font: var(--mat-sys-title-medium);
    }
    .picked {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }
    .sub {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class RequestNewPage {
  private readonly api = inject(SubjectRequestsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly kinds = SUBJECT_REQUEST_KINDS;
  protected readonly channels = REQUEST_CHANNELS;
  protected readonly kindKey = requestKindKey;
  protected readonly channelKey = requestChannelKey;

  protected readonly form = new FormGroup({
    kind: new FormControl<SubjectRequestKind | null>(null, { validators: [Validators.required] }),
    channel: new FormControl<RequestChannel | null>(null, { validators: [Validators.required] }),
    receivedOn: new FormControl<Date | null>(isoToDate(stockholmDate(new Date())), { validators: [Validators.required] }),
    requesterName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    requesterContact: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(300)] }),
    identityChecked: new FormControl(false, { nonNullable: true }),
    identityMethod: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(300)] }),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(5000)] }),
  });
  protected readonly person = signal<PersonSearchResult | null>(null);
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  protected pick(result: PersonSearchResult): void {
    this.person.set(result);
    const controls = this.form.controls;
    if (!controls.requesterName.value.trim()) controls.requesterName.setValue(result.person.fullName);
    if (!controls.requesterContact.value.trim()) controls.requesterContact.setValue(result.person.email ?? result.person.phone ?? '');
  }

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    const request: CreateSubjectRequest = {
      kind: value.kind as SubjectRequestKind,
      channel: value.channel as RequestChannel,
      receivedOn: dateToIso(value.receivedOn) ?? '',
      personId: this.person()?.person.id ?? null,
      requesterName: value.requesterName.trim(),
      requesterContact: blankToNull(value.requesterContact),
      identityChecked: value.identityChecked,
      identityMethod: blankToNull(value.identityMethod),
      notes: blankToNull(value.notes),
    };
    this.busy.set(true);
    this.errors.set([]);
    this.api.create(request).subscribe({
      next: (created) => void this.router.navigate(['/admin/requests', created.id]),
      error: (error: unknown) => {
        this.busy.set(false);
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
