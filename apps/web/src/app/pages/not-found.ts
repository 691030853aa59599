import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../core/i18n';

@Component({
  selector: 'app-not-found',
  imports: [RouterLink, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow message-page">
      <h1>{{ 'notFound.title' | t }}</h1>
      <p>{{ 'notFound.text' | t }}</p>
      <a mat-flat-button routerLink="/customers">{{ 'pages.toCustomers' | t }}</a>
    </section>
  `,
})
export class NotFoundPage {}
