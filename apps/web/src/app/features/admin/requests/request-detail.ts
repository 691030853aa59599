import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { PersonSearchResult, stockholmDate, SubjectRequestView, UpdateSubjectRequest } from '@privdesk/domain';
import { applyServerErrors, describeError } from '../../../core/api/api-errors';
import { personExportPdfUrl, personExportUrl } from '../../../core/api/people.api';
import { SubjectRequestsApi } from '../../../core/api/rights.api';
import { blankToNull } from '../../../core/format';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { ErrorTextPipe, isStaleEdit, ListState, PersonFinder, PrivacyBadge, RequestCount, StaleEdit, StaleEditNotice } from '../../../shared';
import { AnswerRequestDialog, ExtendRequestDialog } from './request-dialogs';
import { daysUntil, requestChannelKey, requestKindKey, requestStatusKey, requestUrgency } from './request-labels';

/** The identity form's values for a request. */
const identityValues = (request: SubjectRequestView) => ({
  identityChecked: request.identityChecked,
  identityMethod: request.identityMethod ?? '',
  notes: request.notes ?? '',
});

/** One data-subject request as a case with a clock: the deadline first, then the person, the identity check and the actions. */
@Component({
  selector: 'app-request-detail',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    ErrorTextPipe,
    ListState,
    PersonFinder,
    PrivacyBadge,
    StaleEditNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow">
      <a class="back-link" routerLink="/admin/requests">← {{ 'requests.title' | t }}</a>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="load()">
        <ng-container listStateError>{{ 'request.loadError' | t }}</ng-container>
      </app-list-state>
      @if (request(); as r) {
        <header class="detail-header">
          <div>
            <h1 data-testid="request-heading">{{ 'request.heading' | t: { n: r.requestNumber, kind: (kindKey(r.kind) | t) } }}</h1>
            <p class="meta">
              <span class="chip" [attr.data-status]="r.status" data-testid="request-status">{{ statusKey(r.status) | t }}</span>
              <span>{{ 'request.receivedVia' | t: { date: r.receivedOn, channel: (channelKey(r.channel) | t) } }}</span>
              <span>· {{ 'request.registeredBy' | t: { name: r.createdByName } }}</span>
            </p>
          </div>
          <app-privacy-badge [privacy]="r.privacy" />
        </header>

        <section class="deadline" [attr.data-urgency]="urgency()" data-testid="request-deadline" aria-labelledby="deadline-heading">
          <h2 id="deadline-heading">{{ 'request.deadline' | t }}</h2>
          <p class="due">
            <span class="date" data-testid="request-due-on">{{ r.effectiveDueOn }}</span>
            @switch (urgency()) {
              @case ('overdue') {
                <span class="overdue-flag">{{ 'requests.overdue' | t: { n: -days() } }}</span>
              }
              @case ('closed') {
                <span class="when">{{ (r.status === 'answered' ? 'request.answeredOn' : 'request.rejectedOn') | t: { date: r.answeredOn ?? '' } }}</span>
              }
              @default {
                <span class="when">{{ 'request.daysLeft' | t: { n: days() } }}</span>
              }
            }
          </p>
          <p class="rule">
            @if (r.extendedDueOn) {
              {{ 'request.extendedFrom' | t: { due: r.dueOn, reason: r.extensionReason ?? '' } }}
            } @else {
              {{ 'request.rule' | t: { received: r.receivedOn } }}
            }
          </p>
        </section>

        @if (r.status === 'open') {
          <div class="actions" role="group" [attr.aria-label]="'common.actions' | t">
            <button mat-flat-button type="button" (click)="answer()" data-testid="request-answer">{{ 'request.answer' | t }}</button>
            @if (!r.extendedDueOn) {
              <button mat-stroked-button type="button" (click)="extend()" data-testid="request-extend">{{ 'request.extend' | t }}</button>
            }
            @if (r.personId) {
              <a mat-stroked-button [href]="exportUrl(r.personId)" download data-testid="request-export">{{ 'people.exportJson' | t }}</a>
              <a mat-stroked-button [href]="exportPdfUrl(r.personId)" download data-testid="request-export-pdf">{{ 'people.exportPdf' | t }}</a>
              <a mat-stroked-button [routerLink]="['/admin/people', r.personId, 'erasure']" [queryParams]="{ request: r.id }" data-testid="request-erasure">
                {{ 'request.toErasure' | t }}
              </a>
            }
          </div>
        }

        <section class="card" aria-labelledby="who-heading">
          <h2 id="who-heading">{{ 'request.who' | t }}</h2>
          <dl class="facts">
            <div>
              <dt>{{ 'request.requesterName' | t }}</dt>
              <dd>{{ r.requesterName }}</dd>
            </div>
            <div>
              <dt>{{ 'request.requesterContact' | t }}</dt>
              <dd>{{ r.requesterContact ?? ('common.none' | t) }}</dd>
            </div>
            <div>
              <dt>{{ 'request.person' | t }}</dt>
              <dd data-testid="request-person">
                @if (r.personId) {
                  <a [routerLink]="['/admin/people']" [queryParams]="{ q: r.personName }">{{ r.personName }}</a>
                } @else if (r.status === 'answered' && r.kind === 'erasure') {
                  {{ 'request.personErased' | t }}
                } @else {
                  {{ 'requests.noPerson' | t }}
                }
              </dd>
            </div>
          </dl>
          @if (r.status === 'open') {
            <div class="finder">
              <app-person-finder [label]="r.personId ? 'request.changePerson' : 'request.findPerson'" (picked)="linkPerson($event)" />
            </div>
          }
        </section>

        <section class="card" aria-labelledby="identity-heading">
          <h2 id="identity-heading">{{ 'requestNew.identity' | t }}</h2>
          @if (r.status === 'open') {
            <form [formGroup]="form" (ngSubmit)="saveIdentity()" novalidate>
              @if (stale.conflict(); as conflict) {
                <app-stale-edit [conflict]="conflict" [busy]="saving()" (saveAgain)="saveIdentity()" (discard)="form.reset(stale.discard())" />
              }
              @if (formErrors().length) {
                <div class="form-error" role="alert">
                  @for (message of formErrors(); track $index) {
                    <p>{{ message() }}</p>
                  }
                </div>
              }
              <mat-checkbox formControlName="identityChecked" data-testid="request-identity">{{ 'request.identityChecked' | t }}</mat-checkbox>
              <mat-form-field class="full">
                <mat-label>{{ 'request.identityMethod' | t }}</mat-label>
                <input matInput formControlName="identityMethod" autocomplete="off" />
                <mat-hint>{{ 'request.identityMethodHint' | t }}</mat-hint>
                <mat-error>{{ form.controls.identityMethod.errors | errorText }}</mat-error>
              </mat-form-field>
              <mat-form-field class="full">
                <mat-label>{{ 'request.notes' | t }}</mat-label>
                <textarea matInput formControlName="notes" rows="3"></textarea>
                <mat-error>{{ form.controls.notes.errors | errorText }}</mat-error>
              </mat-form-field>
              <div class="form-actions">
                <button mat-stroked-button type="submit" [disabled]="saving() || form.pristine" data-testid="request-save">{{ (saving() ? 'common.saving' : 'common.save') | t }}</button>
              </div>
            </form>
          } @else {
            <dl class="facts">
              <div>
                <dt>{{ 'request.identityChecked' | t }}</dt>
                <dd>{{ (r.identityChecked ? 'common.yes' : 'common.no') | t }}{{ r.identityMethod ? ' – ' + r.identityMethod : '' }}</dd>
              </div>
              <div>
                <dt>{{ 'request.notes' | t }}</dt>
                <dd>{{ r.notes ?? ('common.none' | t) }}</dd>
              </div>
            </dl>
          }
        </section>

        @if (r.answer) {
          <section class="card" aria-labelledby="answer-heading" data-testid="request-answer-text">
            <h2 id="answer-heading">{{ (r.status === 'rejected' ? 'request.rejection' : 'request.answerSent') | t }}</h2>
            <p class="answer">{{ r.answer }}</p>
          </section>
        }
      }
    </section>
  `,
  styles: `
    h2 {
      margin-top: 0;
      font: var(--mat-sys-title-medium);
    }
    .deadline {
      margin-block: 1rem;
      padding: 1rem 1.25rem;
      border-radius: 1rem;
      border: 2px solid var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .deadline[data-urgency='overdue'] {
      border-color: var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .deadline[data-urgency='soon'] {
      border-color: #b26a00;
      background: #fff3cd;
      color: #5c3c00;
    }
    .deadline[data-urgency='closed'] {
      border-color: var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
    }
    .deadline h2 {
      margin: 0;
      font: var(--mat-sys-label-large);
      text-transform: uppercase;
      letter-spacing: 0.05em;
    }
    .due {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem 1rem;
      margin: 0.25rem 0;
    }
    .date {
      font: var(--mat-sys-display-small);
      font-variant-numeric: tabular-nums;
    }
    .when {
      font: var(--mat-sys-title-medium);
    }
    .rule {
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block: 1rem;
    }
    .finder {
      margin-top: 1rem;
      max-width: 32rem;
    }
    .full {
      width: 100%;
      margin-top: 0.5rem;
    }
    .answer {
      white-space: pre-line;
    }
    dd a {
      color: var(--mat-sys-primary);
    }
  `,
})
export class RequestDetailPage {
  private readonly api = inject(SubjectRequestsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly requestCount = inject(RequestCount);
  private readonly i18n = inject(I18n);

  /** The route's `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly kindKey = requestKindKey;
  protected readonly channelKey = requestChannelKey;
  protected readonly statusKey = requestStatusKey;
  protected readonly exportUrl = personExportUrl;
  protected readonly exportPdfUrl = personExportPdfUrl;

  protected readonly request = signal<SubjectRequestView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly urgency = computed(() => {
    const request = this.request();
    return request ? requestUrgency(request) : 'later';
  });
  protected readonly days = computed(() => daysUntil(this.request()?.effectiveDueOn ?? '', stockholmDate(new Date())));

  protected readonly form = new FormGroup({
    identityChecked: new FormControl(false, { nonNullable: true }),
    identityMethod: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(300)] }),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(5000)] }),
  });
  protected readonly saving = signal(false);
  protected readonly formErrors = signal<(() => string)[]>([]);
  /** The version edits are based on; someone else's save in between is merged, not overwritten. */
  protected readonly stale = new StaleEdit(identityValues, {
    labels: { identityChecked: 'request.identityChecked', identityMethod: 'request.identityMethod', notes: 'request.notes' },
  });

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.load());
    });
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.get(this.id()).subscribe({
      next: (request) => {
        this.loading.set(false);
        this.show(request);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  /** `keepTyped`: a change that left the identity fields alone (a linked person, a new deadline) keeps what is typed there. */
  private show(request: SubjectRequestView, keepTyped = false): void {
    this.request.set(request);
    if (keepTyped && this.form.dirty) {
      this.stale.rebase(request);
      return;
    }
    this.stale.start(request);
    this.form.reset(identityValues(request));
  }

  protected linkPerson(result: PersonSearchResult): void {
    this.patch({ personId: result.person.id }, 'request.personLinked');
  }

  protected saveIdentity(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.patch({ identityChecked: value.identityChecked, identityMethod: blankToNull(value.identityMethod), notes: blankToNull(value.notes) }, 'request.saved');
  }

  private patch(update: Omit<UpdateSubjectRequest, 'version'>, done: 'request.saved' | 'request.personLinked'): void {
    const request = this.request();
    if (!request || this.saving()) return;
    this.saving.set(true);
    this.formErrors.set([]);
    this.api.update(request.id, { ...update, version: this.stale.version }).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.show(updated, done === 'request.personLinked');
        this.snackBar.open(this.i18n.t(done), undefined, { duration: 2500 });
      },
      error: (error: unknown) => {
        if (isStaleEdit(error)) {
          this.mergeTheirs(request.id, done === 'request.personLinked');
          return;
        }
        this.saving.set(false);
        const unmatched = applyServerErrors(this.form, error);
        this.formErrors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
      },
    });
  }

  /**
   * Someone else saved the request first. The identity form keeps what is typed, with their changes
   * merged and the notice; a person link (a choice that saves at once) is not applied: the page
   * shows the request as stored now and says so, to choose again.
   */
  private mergeTheirs(id: string, quickAction: boolean): void {
    this.api.get(id).subscribe({
      next: (current) => {
        this.saving.set(false);
        if (quickAction && this.form.pristine) this.show(current);
        else {
          this.request.set(current);
          this.form.setValue(this.stale.merge(current, this.form.getRawValue()));
          // A person link refused: the identity form is told only if their save touched it.
          if (quickAction && !this.stale.conflict()?.changes.length) this.stale.conflict.set(null);
        }
        if (quickAction) this.snackBar.open(this.i18n.t('staleEdit.quickAction'), this.i18n.t('common.close'), { duration: 8000 });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.formErrors.set([() => describeError(error, this.i18n)]);
      },
    });
  }

  protected extend(): void {
    const request = this.request();
    if (!request) return;
    this.dialog
      .open<ExtendRequestDialog, SubjectRequestView, SubjectRequestView>(ExtendRequestDialog, { data: request, width: '34rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.show(updated, true);
        this.requestCount.refresh(true);
        this.snackBar.open(this.i18n.t('request.extended', { due: updated.effectiveDueOn }), undefined, { duration: 3000 });
      });
  }

  protected answer(): void {
    const request = this.request();
    if (!request) return;
    this.dialog
      .open<AnswerRequestDialog, SubjectRequestView, SubjectRequestView>(AnswerRequestDialog, { data: request, width: '40rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.show(updated);
        this.requestCount.refresh(true);
        this.snackBar.open(this.i18n.t('request.answeredDone'), undefined, { duration: 3000 });
      });
  }
}
