import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslationKey } from '../core/i18n';

@Component({
  selector: 'app-forbidden',
  imports: [RouterLink, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow message-page" data-testid="forbidden">
      <h1>{{ 'forbidden.title' | t }}</h1>
      <p>{{ text() | t }}</p>
      <a mat-flat-button routerLink="/customers">{{ 'pages.toCustomers' | t }}</a>
    </section>
  `,
})
export class ForbiddenPage {
  /** Why, from the route's data (`withComponentInputBinding`); the admin pages by default. */
  readonly text = input<TranslationKey>('forbidden.text');
}
