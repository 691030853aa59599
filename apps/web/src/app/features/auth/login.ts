import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { HttpErrorResponse } from '@angular/common/http';
import { describeError } from '../../core/api/api-errors';
import { safeReturnUrl, Session } from '../../core/auth';
import { I18n, TranslatePipe } from '../../core/i18n';
import { AutofocusDirective } from '../../shared/autofocus.directive';
import { ErrorTextPipe } from '../../shared/error-text.pipe';

@Component({
  selector: 'app-login',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
    TranslatePipe,
    ErrorTextPipe,
    AutofocusDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="login-card">
      <h1>{{ 'login.title' | t }}</h1>
      <p class="tagline">{{ 'app.tagline' | t }}</p>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        @if (error(); as message) {
          <p class="form-error" role="alert" data-testid="login-error">{{ message() }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'login.email' | t }}</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="username" required appAutofocus />
          <mat-error>{{ form.controls.email.errors | errorText }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'login.password' | t }}</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="current-password" required />
          <mat-error>{{ form.controls.password.errors | errorText }}</mat-error>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ (busy() ? 'login.submitting' : 'login.submit') | t }}
        </button>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
      </form>
    </section>
    <nav class="public-links" [attr.aria-label]="'public.footer' | t" data-testid="public-links">
      <a routerLink="/privacy">{{ 'public.privacy' | t }}</a>
      <a routerLink="/contact">{{ 'public.contact' | t }}</a>
      <a routerLink="/apply">{{ 'public.apply' | t }}</a>
    </nav>
  `,
  styles: `
    .login-card {
      max-width: 26rem;
      margin: 4rem auto;
      padding: 2rem;
      border-radius: 1rem;
      background: var(--mat-sys-surface-container-low);
      box-shadow: var(--mat-sys-level1);
    }
    h1 {
      margin-top: 0;
    }
    .tagline {
      color: var(--mat-sys-on-surface-variant);
      margin-bottom: 1.5rem;
    }
    .public-links {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0.5rem 1.5rem;
      margin: -2rem auto 3rem;
      font: var(--mat-sys-body-medium);
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
  `,
})
export class LoginPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);

  protected readonly busy = signal(false);
  /** A function, so that the message follows a language switch. */
  protected readonly error = signal<(() => string) | null>(null);

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected submit(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    const { email, password } = this.form.getRawValue();
    this.session.login({ email: email.trim(), password }).subscribe({
      next: () => {
        this.busy.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (error instanceof HttpErrorResponse && error.status === 401) this.form.controls.password.reset('');
        this.error.set(() => this.loginError(error));
      },
    });
  }

  private loginError(error: unknown): string {
    if (error instanceof HttpErrorResponse) {
      if (error.status === 401) return this.i18n.t('login.badCredentials');
      if (error.status === 429) {
        const seconds = Number(error.headers.get('Retry-After'));
        return Number.isFinite(seconds) && seconds > 0
          ? this.i18n.t('login.tooManyWait', { seconds: Math.ceil(seconds) })
          : this.i18n.t('login.tooMany');
      }
    }
    return describeError(error, this.i18n);
  }
}
