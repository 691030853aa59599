import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatRadioModule } from '@angular/material/radio';
import type { DuplicateGroup, DuplicatePerson, MergePeopleResult } from '@privdesk/domain';
import { describeError } from '../../../core/api/api-errors';
import { PeopleApi } from '../../../core/api/people.api';
import { formatDate } from '../../../core/format';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { mergeCandidates, roleTableKey } from './person-roles';

/** One of the people sharing an address: contact details, registration day and records per table. */
@Component({
  selector: 'app-duplicate-person',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="who">
      <strong>{{ entry().person.fullName }}</strong>
      <span class="sub">{{ entry().person.email }}</span>
    </div>
    <dl class="facts">
      <div>
        <dt>{{ 'people.phone' | t }}</dt>
        <dd class="nowrap">{{ entry().person.phone ?? ('common.none' | t) }}</dd>
      </div>
      <div>
        <dt>{{ 'people.personnummer' | t }}</dt>
        <dd class="nowrap">{{ entry().person.personnummerMasked ?? ('common.none' | t) }}</dd>
      </div>
      <div>
        <dt>{{ 'duplicates.records' | t }}</dt>
        <dd data-testid="duplicate-records">
          @for (role of entry().roles; track role.table; let last = $last) {
            @if (roleKey(role.table); as key) {
              {{ key | t }}
            } @else {
              {{ role.table }}
            }
            {{ role.count }}{{ last ? '' : ' · ' }}
          } @empty {
            {{ 'duplicates.noRecords' | t }}
          }
        </dd>
      </div>
    </dl>
    <p class="sub">{{ 'duplicates.registered' | t: { date: date(entry().createdAt) } }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .who {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5rem;
      align-items: baseline;
    }
    .sub {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: 0.25rem 0 0;
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
      gap: 0.25rem 1rem;
      margin: 0.5rem 0 0;
    }
    dt {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class DuplicatePersonFacts {
  readonly entry = input.required<DuplicatePerson>();
  protected readonly roleKey = roleTableKey;
  protected readonly date = formatDate;
}

export interface MergeDialogData {
  group: DuplicateGroup;
  keep: DuplicatePerson;
}

/**
 * Confirms a merge with both people side by side: the kept one and the one whose records move to
 * him or her and who is then deleted. Closes with the result once merged.
 */
@Component({
  selector: 'app-merge-dialog',
  imports: [FormsModule, MatDialogModule, MatButtonModule, MatRadioModule, TranslatePipe, DuplicatePersonFacts],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'merge.title' | t }}</h2>
    <mat-dialog-content>
      @if (error()) {
        <div class="form-error" role="alert" data-testid="merge-error">
          <p>{{ 'merge.failed' | t }} {{ error() }}</p>
        </div>
      }
      <div class="pair">
        <section class="side kept" aria-labelledby="merge-kept">
          <h3 id="merge-kept">{{ 'merge.kept' | t }}</h3>
          <app-duplicate-person [entry]="data.keep" />
        </section>
        <section class="side merged" aria-labelledby="merge-merged">
          <h3 id="merge-merged">{{ 'merge.merged' | t }}</h3>
          @if (candidates.length > 1) {
            <mat-radio-group [ngModel]="mergeId()" (ngModelChange)="mergeId.set($event)" [attr.aria-label]="'merge.choose' | t: { name: data.keep.person.fullName }">
              @for (candidate of candidates; track candidate.person.id) {
                <mat-radio-button [value]="candidate.person.id">{{ candidate.person.fullName }} · {{ date(candidate.createdAt) }}</mat-radio-button>
              }
            </mat-radio-group>
          }
          @if (merged(); as merged) {
            <app-duplicate-person [entry]="merged" />
          }
        </section>
      </div>
      @if (merged(); as merged) {
        <p class="explain">{{ 'merge.explain' | t: { kept: data.keep.person.fullName, merged: merged.person.fullName } }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" class="danger" [disabled]="busy() || !merged()" (click)="merge()" data-testid="merge-confirm">
        {{ (busy() ? 'merge.merging' : 'merge.confirm') | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 1rem;
    }
    .side {
      padding: 0.75rem 1rem;
      border-radius: 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .merged {
      border-color: var(--mat-sys-error);
    }
    h3 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-small);
    }
    mat-radio-group {
      display: flex;
      flex-direction: column;
      margin-bottom: 0.5rem;
    }
    .explain {
      margin: 1rem 0 0;
    }
  `,
})
export class MergeDialog {
  private readonly api = inject(PeopleApi);
  private readonly ref = inject<MatDialogRef<MergeDialog, MergePeopleResult>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  protected readonly data = inject<MergeDialogData>(MAT_DIALOG_DATA);

  protected readonly candidates = mergeCandidates(this.data.group, this.data.keep);
  protected readonly mergeId = signal<string | null>(this.candidates.length === 1 ? this.candidates[0].person.id : null);
  protected readonly merged = computed(() => this.candidates.find((candidate) => candidate.person.id === this.mergeId()) ?? null);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly date = formatDate;

  protected merge(): void {
    const merged = this.merged();
    if (!merged || this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    this.api.merge(this.data.keep.person.id, merged.person.id).subscribe({
      next: (result) => this.ref.close(result),
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(describeError(error, this.i18n));
      },
    });
  }
}
