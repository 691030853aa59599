import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { QuoteSettings } from '@privdesk/domain';
import { describeError } from '../../core/api/api-errors';
import { QuotesApi } from '../../core/api/quotes.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { RECORD_OF_PROCESSING_CSV, RECORD_OF_PROCESSING_PDF } from '../../core/api/rights.api';
import { ListState } from '../../shared';
import { ControllerIdentityForm } from './settings/controller-identity';
import { OpeningHoursSettings } from './settings/opening-hours';
import { CookiesRegister, RecipientsRegister } from './settings/registers';

/** Installation settings an admin may change (each change is audited by the server): quotes, opening hours, the controller's identity, the registers the notice is printed from. */
@Component({
  selector: 'app-settings',
  imports: [MatSlideToggleModule, MatButtonModule, TranslatePipe, ListState, ControllerIdentityForm, OpeningHoursSettings, RecipientsRegister, CookiesRegister],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page settings">
      <h1>{{ 'settings.title' | t }}</h1>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="load()">
        <ng-container listStateError>{{ 'settings.loadError' | t }}</ng-container>
      </app-list-state>
      @if (settings(); as s) {
        <section class="card" aria-labelledby="quotes-settings-heading">
          <h2 id="quotes-settings-heading">{{ 'settings.quotes' | t }}</h2>
          <mat-slide-toggle [checked]="s.techniciansSeePrices" [disabled]="saving()" (change)="setPrices($event)" data-testid="technicians-see-prices">
            {{ 'settings.techniciansSeePrices' | t }}
          </mat-slide-toggle>
          <p class="intro">{{ 'settings.techniciansSeePricesHint' | t }}</p>
        </section>
      }

      <app-opening-hours />

      <app-controller-identity />

      <section class="card" aria-labelledby="ropa-heading">
        <h2 id="ropa-heading">{{ 'settings.recordOfProcessing' | t }}</h2>
        <p class="intro">{{ 'settings.recordOfProcessingHint' | t }}</p>
        <div class="form-actions">
          <a mat-stroked-button [href]="ropaPdf" download data-testid="ropa-pdf">{{ 'settings.downloadPdf' | t }}</a>
          <a mat-stroked-button [href]="ropaCsv" download data-testid="ropa-csv">{{ 'settings.downloadCsv' | t }}</a>
        </div>
      </section>

      <app-recipients-register />
      <app-cookies-register />
    </section>
  `,
  styles: `
    .settings {
      max-width: 72rem;
    }
  `,
})
export class SettingsPage {
  private readonly api = inject(QuotesApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  protected readonly ropaPdf = RECORD_OF_PROCESSING_PDF;
  protected readonly ropaCsv = RECORD_OF_PROCESSING_CSV;
  protected readonly settings = signal<QuoteSettings | null>(null);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.settings().subscribe({
      next: (settings) => {
        this.loading.set(false);
        this.settings.set(settings);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected setPrices(event: MatSlideToggleChange): void {
    const before = this.settings();
    if (!before) return;
    this.saving.set(true);
    this.api.saveSettings({ ...before, techniciansSeePrices: event.checked }).subscribe({
      next: (settings) => {
        this.saving.set(false);
        this.settings.set(settings);
        this.snackBar.open(this.i18n.t('settings.saved'), undefined, { duration: 2500 });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        event.source.checked = before.techniciansSeePrices;
        this.snackBar.open(describeError(error, this.i18n), this.i18n.t('common.close'), { duration: 8000 });
      },
    });
  }
}
