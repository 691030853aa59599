import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { QuoteSettings } from '@privdesk/domain';
import { describeError } from '../../core/api/api-errors';
import { QuotesApi } from '../../core/api/quotes.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ListState } from '../../shared';

/** Installation settings an admin may change (each change is audited by the server). */
@Component({
  selector: 'app-settings',
  imports: [MatSlideToggleModule, TranslatePipe, ListState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow">
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
    </section>
  `,
})
export class SettingsPage {
  private readonly api = inject(QuotesApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

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
