import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  COOKIE_CATEGORIES,
  COOKIE_SITES,
  CookieCategory,
  CookieSite,
  CookieView,
  Localised,
  RECIPIENT_KINDS,
  RecipientKind,
  RecipientView,
  TRANSFER_MECHANISM_LABELS,
  TRANSFER_MECHANISMS,
  TransferMechanism,
} from '@privdesk/domain';
import { Observable } from 'rxjs';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../../core/api/api-errors';
import { TransparencyApi } from '../../../core/api/rights.api';
import { blankToNull } from '../../../core/format';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { AutofocusDirective, ErrorTextPipe } from '../../../shared';

export const recipientKindKey = (kind: RecipientKind): `recipients.kind.${RecipientKind}` => `recipients.kind.${kind}`;
export const cookieSiteKey = (site: CookieSite): `cookies.site.${CookieSite}` => `cookies.site.${site}`;
export const cookieCategoryKey = (category: CookieCategory): `notice.cookie.${CookieCategory}` => `notice.cookie.${category}`;

type LocalisedForm = FormGroup<{ sv: FormControl<string>; en: FormControl<string> }>;

function localisedForm(value: Localised | undefined, max = 1000): LocalisedForm {
  return new FormGroup({
    sv: new FormControl(value?.sv ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(max)] }),
    en: new FormControl(value?.en ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(max)] }),
  });
}

/** Two-letter country codes separated by commas or spaces: "IE, US". */
const COUNTRY_LIST = /^\s*([A-Za-z]{2}([\s,]+[A-Za-z]{2})*)?[\s,]*$/;
const countryCodes = (text: string): string[] => [...new Set(text.split(/[\s,]+/).filter(Boolean).map((code) => code.toUpperCase()))];

const trimmed = (form: LocalisedForm): Localised => ({ sv: form.controls.sv.value.trim(), en: form.controls.en.value.trim() });

export interface RecipientDialogData {
  recipient: RecipientView | null;
  /** The policy codes to choose from. */
  purposes: { code: string; label: string }[];
}

/** Adds or edits a recipient (processor or independent controller). Closes with the saved recipient. */
@Component({
  selector: 'app-recipient-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ErrorTextPipe,
    AutofocusDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ (data.recipient ? 'recipients.edit' : 'recipients.add') | t }}</h2>
      <mat-dialog-content>
        @if (errors().length) {
          <div class="form-error" role="alert">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        <div class="field-grid">
          <mat-form-field>
            <mat-label>{{ 'recipients.name' | t }}</mat-label>
            <input matInput formControlName="name" required autocomplete="off" appAutofocus />
            <mat-error>{{ form.controls.name.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'recipients.kind' | t }}</mat-label>
            <mat-select formControlName="kind" required>
              @for (k of kinds; track k) {
                <mat-option [value]="k">{{ kindKey(k) | t }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <div class="field-grid" formGroupName="receives">
          <mat-form-field>
            <mat-label>{{ 'recipients.receivesSv' | t }}</mat-label>
            <textarea matInput formControlName="sv" rows="2" required lang="sv"></textarea>
            <mat-error>{{ form.controls.receives.controls.sv.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'recipients.receivesEn' | t }}</mat-label>
            <textarea matInput formControlName="en" rows="2" required lang="en"></textarea>
            <mat-error>{{ form.controls.receives.controls.en.errors | errorText }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field class="full">
          <mat-label>{{ 'recipients.purposes' | t }}</mat-label>
          <mat-select formControlName="purposes" multiple>
            @for (p of data.purposes; track p.code) {
              <mat-option [value]="p.code">{{ p.label }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'recipients.purposesHint' | t }}</mat-hint>
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>{{ 'recipients.countries' | t }}</mat-label>
          <input matInput formControlName="countries" autocomplete="off" data-testid="recipient-countries" />
          <mat-hint>{{ 'recipients.countriesHint' | t }}</mat-hint>
          <mat-error>{{ 'recipients.countriesError' | t }}</mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="inEu">{{ 'recipients.inEu' | t }}</mat-checkbox>
        <div class="field-grid">
          @if (!form.controls.inEu.value) {
            <mat-form-field>
              <mat-label>{{ 'recipients.mechanism' | t }}</mat-label>
              <mat-select formControlName="transferMechanism" data-testid="recipient-mechanism">
                <mat-option [value]="null">{{ 'recipients.mechanism.none' | t }}</mat-option>
                @for (m of mechanisms; track m) {
                  <mat-option [value]="m">{{ mechanismLabels[m][lang()] }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'recipients.safeguard' | t }}</mat-label>
              <input matInput formControlName="transferSafeguard" autocomplete="off" />
              <mat-hint>{{ 'recipients.safeguardHint' | t }}</mat-hint>
              <mat-error>{{ form.controls.transferSafeguard.errors | errorText }}</mat-error>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ 'recipients.agreement' | t }}</mat-label>
            <input matInput formControlName="agreementReference" autocomplete="off" />
            <mat-hint>{{ 'recipients.agreementHint' | t }}</mat-hint>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="recipient-save">{{ (busy() ? 'common.saving' : 'common.save') | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
})
export class RecipientDialog {
  private readonly api = inject(TransparencyApi);
  private readonly ref = inject<MatDialogRef<RecipientDialog, RecipientView>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly data = inject<RecipientDialogData>(MAT_DIALOG_DATA);

  protected readonly kinds = RECIPIENT_KINDS;
  protected readonly kindKey = recipientKindKey;
  protected readonly mechanisms = TRANSFER_MECHANISMS;
  protected readonly mechanismLabels = TRANSFER_MECHANISM_LABELS;
  protected readonly lang = this.i18n.lang;
  private readonly r = this.data.recipient;
  protected readonly form = new FormGroup({
    name: new FormControl(this.r?.name ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    kind: new FormControl<RecipientKind>(this.r?.kind ?? 'processor', { nonNullable: true }),
    receives: localisedForm(this.r?.receives),
    purposes: new FormControl<string[]>(this.r?.purposes ?? [], { nonNullable: true }),
    countries: new FormControl((this.r?.countries ?? []).join(', '), { nonNullable: true, validators: [Validators.pattern(COUNTRY_LIST)] }),
    inEu: new FormControl(this.r?.inEu ?? true, { nonNullable: true }),
    transferMechanism: new FormControl<TransferMechanism | null>(this.r?.transferMechanism ?? null),
    transferSafeguard: new FormControl(this.r?.transferSafeguard ?? '', { nonNullable: true, validators: [Validators.maxLength(500)] }),
    agreementReference: new FormControl(this.r?.agreementReference ?? '', { nonNullable: true, validators: [Validators.maxLength(200)] }),
  });
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.errors.set([]);
    this.api
      .saveRecipient(this.r?.id ?? null, {
        name: v.name.trim(),
        kind: v.kind,
        receives: trimmed(this.form.controls.receives),
        purposes: v.purposes,
        countries: countryCodes(v.countries),
        inEu: v.inEu,
        transferMechanism: v.inEu ? null : v.transferMechanism,
        transferSafeguard: v.inEu ? null : blankToNull(v.transferSafeguard),
        agreementReference: blankToNull(v.agreementReference),
      })
      .subscribe(this.handlers());
  }

  private handlers() {
    return {
      next: (saved: RecipientView) => this.ref.close(saved),
      error: (error: unknown) => {
        this.busy.set(false);
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
      },
    };
  }
}

/** Adds or edits a cookie of the web site or of Privdesk. Closes with the saved cookie. */
@Component({
  selector: 'app-cookie-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, ErrorTextPipe, AutofocusDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ (data ? 'cookies.edit' : 'cookies.add') | t }}</h2>
      <mat-dialog-content>
        @if (errors().length) {
          <div class="form-error" role="alert">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        <div class="field-grid">
          <mat-form-field>
            <mat-label>{{ 'cookies.site' | t }}</mat-label>
            <mat-select formControlName="site" required>
              @for (s of sites; track s) {
                <mat-option [value]="s">{{ siteKey(s) | t }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'notice.cookie.name' | t }}</mat-label>
            <input matInput formControlName="name" required autocomplete="off" spellcheck="false" appAutofocus />
            <mat-error>{{ form.controls.name.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'cookies.provider' | t }}</mat-label>
            <input matInput formControlName="provider" required autocomplete="off" />
            <mat-error>{{ form.controls.provider.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'notice.cookie.category' | t }}</mat-label>
            <mat-select formControlName="category" required>
              @for (c of categories; track c) {
                <mat-option [value]="c">{{ categoryKey(c) | t }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <div class="field-grid" formGroupName="purpose">
          <mat-form-field>
            <mat-label>{{ 'cookies.purposeSv' | t }}</mat-label>
            <input matInput formControlName="sv" required lang="sv" />
            <mat-error>{{ form.controls.purpose.controls.sv.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'cookies.purposeEn' | t }}</mat-label>
            <input matInput formControlName="en" required lang="en" />
            <mat-error>{{ form.controls.purpose.controls.en.errors | errorText }}</mat-error>
          </mat-form-field>
        </div>
        <div class="field-grid" formGroupName="duration">
          <mat-form-field>
            <mat-label>{{ 'cookies.durationSv' | t }}</mat-label>
            <input matInput formControlName="sv" required lang="sv" />
            <mat-hint>{{ 'cookies.durationHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.duration.controls.sv.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'cookies.durationEn' | t }}</mat-label>
            <input matInput formControlName="en" required lang="en" />
            <mat-error>{{ form.controls.duration.controls.en.errors | errorText }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="cookie-save">{{ (busy() ? 'common.saving' : 'common.save') | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CookieDialog {
  private readonly api = inject(TransparencyApi);
  private readonly ref = inject<MatDialogRef<CookieDialog, CookieView>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly data = inject<CookieView | null>(MAT_DIALOG_DATA);

  protected readonly sites = COOKIE_SITES;
  protected readonly categories = COOKIE_CATEGORIES;
  protected readonly siteKey = cookieSiteKey;
  protected readonly categoryKey = cookieCategoryKey;
  protected readonly form = new FormGroup({
    site: new FormControl<CookieSite>(this.data?.site ?? 'website', { nonNullable: true }),
    name: new FormControl(this.data?.name ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    provider: new FormControl(this.data?.provider ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    category: new FormControl<CookieCategory>(this.data?.category ?? 'necessary', { nonNullable: true }),
    purpose: localisedForm(this.data?.purpose),
    duration: localisedForm(this.data?.duration),
  });
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    const request: Observable<CookieView> = this.api.saveCookie(this.data?.id ?? null, {
      site: v.site,
      name: v.name.trim(),
      provider: v.provider.trim(),
      category: v.category,
      purpose: trimmed(this.form.controls.purpose),
      duration: trimmed(this.form.controls.duration),
    });
    this.busy.set(true);
    this.errors.set([]);
    request.subscribe({
      next: (saved) => this.ref.close(saved),
      error: (error: unknown) => {
        this.busy.set(false);
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
      },
    });
  }
}
