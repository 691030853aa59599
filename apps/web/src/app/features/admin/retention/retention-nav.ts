import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { IsActiveMatchOptions, RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '../../../core/i18n';

/** The retention pages' own menu, under the page title. */
@Component({
  selector: 'app-retention-nav',
  imports: [RouterLink, RouterLinkActive, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav [attr.aria-label]="'retention.nav' | t">
      @for (link of links; track link.path) {
        <a
          mat-button
          [routerLink]="link.path"
          routerLinkActive="active"
          [routerLinkActiveOptions]="activeOptions"
          ariaCurrentWhenActive="page"
          >{{ link.label | t }}</a
        >
      }
    </nav>
  `,
  styles: `
    nav {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      padding-bottom: 0.25rem;
      margin-bottom: 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    a.active {
      background: color-mix(in srgb, var(--mat-sys-primary) 14%, transparent);
      font-weight: 600;
    }
  `,
})
export class RetentionNav {
  /** The page itself, whatever its query (`?asOf=`, `?open=`). */
  protected readonly activeOptions: IsActiveMatchOptions = { paths: 'exact', queryParams: 'ignored', fragment: 'ignored', matrixParams: 'ignored' };
  protected readonly links = [
    { path: '/admin/retention', label: 'retention.nav.overview' },
    { path: '/admin/retention/certificates', label: 'retention.nav.certificates' },
    { path: '/admin/retention/holds', label: 'retention.nav.holds' },
    { path: '/admin/retention/reviews', label: 'retention.nav.reviews' },
  ] as const;
}
