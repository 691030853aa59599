import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { ControllerIdentity } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../../core/api/api-errors';
import { TransparencyApi } from '../../../core/api/rights.api';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { ErrorTextPipe, ListState } from '../../../shared';

const required = (max: number) => new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(max)] });

/** Who the controller is and how people reach the privacy contact: printed at the top of the notice. */
@Component({
  selector: 'app-controller-identity',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorTextPipe, ListState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="controller-heading">
      <h2 id="controller-heading">{{ 'controller.title' | t }}</h2>
      <p class="intro">{{ 'controller.intro' | t }} <a routerLink="/privacy">{{ 'controller.seeNotice' | t }}</a></p>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="load()">
        <ng-container listStateError>{{ 'controller.loadError' | t }}</ng-container>
      </app-list-state>
      @if (loaded()) {
        <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="controller-form">
          @if (errors().length) {
            <div class="form-error" role="alert">
              @for (message of errors(); track $index) {
                <p>{{ message() }}</p>
              }
            </div>
          }
          <div class="field-grid">
            <mat-form-field>
              <mat-label>{{ 'controller.companyName' | t }}</mat-label>
              <input matInput formControlName="companyName" required autocomplete="organization" />
              <mat-error>{{ form.controls.companyName.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'controller.orgNumber' | t }}</mat-label>
              <input matInput formControlName="orgNumber" required autocomplete="off" />
              <mat-hint>{{ 'controller.orgNumberHint' | t }}</mat-hint>
              <mat-error>{{ form.controls.orgNumber.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'field.street' | t }}</mat-label>
              <input matInput formControlName="street" required autocomplete="street-address" />
              <mat-error>{{ form.controls.street.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.postalCode' | t }}</mat-label>
              <input matInput formControlName="postalCode" required inputmode="numeric" autocomplete="postal-code" />
              <mat-error>{{ form.controls.postalCode.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.city' | t }}</mat-label>
              <input matInput formControlName="city" required autocomplete="address-level2" />
              <mat-error>{{ form.controls.city.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'controller.privacyPhone' | t }}</mat-label>
              <input matInput type="tel" formControlName="privacyPhone" required autocomplete="off" />
              <mat-error>{{ form.controls.privacyPhone.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'controller.privacyEmail' | t }}</mat-label>
              <input matInput type="email" formControlName="privacyEmail" required autocomplete="off" />
              <mat-error>{{ form.controls.privacyEmail.errors | errorText }}</mat-error>
            </mat-form-field>
          </div>
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy() || form.pristine" data-testid="controller-save">{{ (busy() ? 'common.saving' : 'common.save') | t }}</button>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    h2 {
      margin-top: 0;
    }
    .intro a {
      color: var(--mat-sys-primary);
    }
  `,
})
export class ControllerIdentityForm {
  private readonly api = inject(TransparencyApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = new FormGroup({
    companyName: required(200),
    orgNumber: required(20),
    street: required(200),
    postalCode: required(20),
    city: required(100),
    privacyPhone: required(40),
    privacyEmail: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email, Validators.maxLength(254)] }),
  });
  protected readonly loaded = signal(false);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly errors = signal<(() => string)[]>([]);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.identity().subscribe({
      next: (identity) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.form.reset(identity);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    const identity = Object.fromEntries(Object.entries(value).map(([key, text]) => [key, text.trim()])) as unknown as ControllerIdentity;
    this.busy.set(true);
    this.errors.set([]);
    this.api.saveIdentity(identity).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.form.reset(saved);
        this.snackBar.open(this.i18n.t('controller.saved'), undefined, { duration: 2500 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
