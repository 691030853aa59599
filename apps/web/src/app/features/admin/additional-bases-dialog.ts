import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AdditionalBasis, LEGAL_BASES, LEGAL_BASIS_LABELS, LegalBasis, PolicyView } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { PoliciesApi } from '../../core/api/admin.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ErrorTextPipe, isStaleEdit, StaleEdit, StaleEditNotice } from '../../shared';

export interface AdditionalBasesDialogData {
  policy: PolicyView;
}

type BasisForm = FormGroup<{ legalBasis: FormControl<LegalBasis>; sv: FormControl<string>; en: FormControl<string> }>;

/** The form's values for a policy: its further bases. */
const basesValues = (policy: PolicyView) => ({ bases: policy.additionalBases.map((basis) => basisForm(basis).getRawValue()) });

function basisForm(basis?: AdditionalBasis): BasisForm {
  return new FormGroup({
    legalBasis: new FormControl<LegalBasis>(basis?.legalBasis ?? 'legitimate_interest', { nonNullable: true }),
    sv: new FormControl(basis?.statement.sv ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(1000)] }),
    en: new FormControl(basis?.statement.en ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(1000)] }),
  });
}

/**
 * The further legal bases a purpose rests on besides its main one, each with what it covers
 * (support: the agreement, and legitimate interest for the record of work done). Shown in the
 * public notice and the record of processing; no deadline changes. Closes with the saved policy.
 */
@Component({
  selector: 'app-additional-bases-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, ErrorTextPipe, StaleEditNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ 'policies.bases.title' | t: { code: data.policy.code } }}</h2>
      <mat-dialog-content>
        @if (stale.conflict(); as conflict) {
          <app-stale-edit [conflict]="conflict" [busy]="busy()" (saveAgain)="save()" (discard)="setBases(stale.discard().bases)" />
        }
        @if (errors().length) {
          <div class="form-error" role="alert">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        <p>{{ 'policies.bases.intro' | t: { basis: labels[data.policy.legalBasis][lang()] } }}</p>
        <div formArrayName="bases">
          @for (basis of form.controls.bases.controls; track basis; let i = $index) {
            <fieldset [formGroupName]="i" class="basis" data-testid="additional-basis">
              <legend class="cdk-visually-hidden">{{ 'policies.bases.item' | t: { n: i + 1 } }}</legend>
              <mat-form-field>
                <mat-label>{{ 'policies.col.legalBasis' | t }}</mat-label>
                <mat-select formControlName="legalBasis">
                  @for (b of bases; track b) {
                    @if (b !== data.policy.legalBasis) {
                      <mat-option [value]="b">{{ labels[b][lang()] }}</mat-option>
                    }
                  }
                </mat-select>
              </mat-form-field>
              <div class="field-grid">
                <mat-form-field>
                  <mat-label>{{ 'policies.bases.statementSv' | t }}</mat-label>
                  <textarea matInput formControlName="sv" rows="2" required lang="sv"></textarea>
                  <mat-error>{{ basis.controls.sv.errors | errorText }}</mat-error>
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ 'policies.bases.statementEn' | t }}</mat-label>
                  <textarea matInput formControlName="en" rows="2" required lang="en"></textarea>
                  <mat-error>{{ basis.controls.en.errors | errorText }}</mat-error>
                </mat-form-field>
              </div>
              <button mat-button type="button" (click)="remove(i)">{{ 'common.delete' | t }}<span class="cdk-visually-hidden"> {{ 'policies.bases.item' | t: { n: i + 1 } }}</span></button>
            </fieldset>
          } @empty {
            <p>{{ 'policies.bases.none' | t }}</p>
          }
        </div>
        @if (form.controls.bases.length < 3) {
          <button mat-stroked-button type="button" (click)="add()" data-testid="additional-basis-add">{{ 'policies.bases.add' | t }}</button>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="additional-bases-save">{{ (busy() ? 'common.saving' : 'common.save') | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .basis {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin: 0 0 1rem;
      padding: 0.75rem;
    }
  `,
})
export class AdditionalBasesDialog {
  private readonly api = inject(PoliciesApi);
  private readonly ref = inject<MatDialogRef<AdditionalBasesDialog, PolicyView>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly data = inject<AdditionalBasesDialogData>(MAT_DIALOG_DATA);

  protected readonly lang = this.i18n.lang;
  protected readonly bases = LEGAL_BASES;
  protected readonly labels = LEGAL_BASIS_LABELS;
  protected readonly form = new FormGroup({ bases: new FormArray<BasisForm>(this.data.policy.additionalBases.map((basis) => basisForm(basis))) });
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);
  /** The version the bases replace; someone else's save in between is merged, not overwritten. */
  protected readonly stale = new StaleEdit(
    basesValues,
    {
      labels: { bases: () => this.i18n.t('policies.bases.title', { code: this.data.policy.code }) },
      show: (_field, value) => {
        const bases = value as ReturnType<typeof basesValues>['bases'];
        const lang = this.lang();
        return bases.length
          ? bases.map((basis) => `${LEGAL_BASIS_LABELS[basis.legalBasis][lang]}: ${basis[lang]}`).join('; ')
          : this.i18n.t('policies.bases.none');
      },
    },
    this.data.policy,
  );

  protected add(): void {
    const other = LEGAL_BASES.find((basis) => basis !== this.data.policy.legalBasis) ?? 'legitimate_interest';
    this.form.controls.bases.push(basisForm({ legalBasis: this.data.policy.legalBasis === 'legitimate_interest' ? other : 'legitimate_interest', statement: { sv: '', en: '' } }));
  }

  protected remove(index: number): void {
    this.form.controls.bases.removeAt(index);
  }

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    this.errors.set([]);
    const bases = this.form.controls.bases.getRawValue().map((basis) => ({ legalBasis: basis.legalBasis, statement: { sv: basis.sv.trim(), en: basis.en.trim() } }));
    this.api.setAdditionalBases(this.data.policy.code, { bases, version: this.stale.version }).subscribe({
      next: (saved) => this.ref.close(saved),
      error: (error: unknown) => {
        if (isStaleEdit(error)) {
          this.mergeTheirs();
          return;
        }
        this.busy.set(false);
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
      },
    });
  }

  protected setBases(bases: ReturnType<typeof basesValues>['bases']): void {
    const array = this.form.controls.bases;
    array.clear();
    for (const basis of bases) array.push(basisForm({ legalBasis: basis.legalBasis, statement: { sv: basis.sv, en: basis.en } }));
  }

  /** Someone else saved the policy first: their changes join what the user typed, and the notice says which. */
  private mergeTheirs(): void {
    this.api.list().subscribe({
      next: (policies) => {
        this.busy.set(false);
        const current = policies.find((policy) => policy.code === this.data.policy.code);
        if (!current) {
          this.errors.set([() => this.i18n.t('error.notFound')]);
          return;
        }
        this.setBases(this.stale.merge(current, this.form.getRawValue()).bases);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.set([() => describeError(error, this.i18n)]);
      },
    });
  }
}
