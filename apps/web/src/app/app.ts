import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Language } from '@privdesk/domain';
import { Session } from './core/auth';
import { I18n, LANGUAGES, roleKey, TranslatePipe } from './core/i18n';
import { InquiryCount, RequestCount } from './shared/rights-counts';
import { TaskCount } from './shared/task-count';
import { filter } from 'rxjs';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  protected readonly session = inject(Session);
  protected readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  protected readonly languages = LANGUAGES;
  protected readonly roleKey = roleKey;
  protected readonly taskCount = inject(TaskCount);
  protected readonly requestCount = inject(RequestCount);
  protected readonly inquiryCount = inject(InquiryCount);

  constructor() {
    // The badge follows the user around: asked again on navigation, at most every 30 seconds.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        const user = this.session.user();
        if (!user) return;
        this.taskCount.refresh();
        this.inquiryCount.refresh();
        if (user.role === 'admin') this.requestCount.refresh();
      });
    effect(() => {
      if (this.session.user()) return;
      this.taskCount.clear();
      this.requestCount.clear();
      this.inquiryCount.clear();
    });
  }

  protected setLanguage(lang: Language): void {
    this.i18n.setLanguage(lang);
  }

  protected signOut(): void {
    const done = () => {
      this.session.clear();
      void this.router.navigate(['/login']);
    };
    this.session.logout().subscribe({ next: done, error: done });
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }
}
