import { ChangeDetectionStrategy, Component, computed, effect, inject, Injector, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationCancel, NavigationEnd, NavigationError, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Language } from '@privdesk/domain';
import { Session } from './core/auth';
import { I18n, LANGUAGES, roleKey, TranslatePipe } from './core/i18n';
import type { NavCounts } from './shared/nav-counts';
import { filter, take } from 'rxjs';

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
  private readonly injector = inject(Injector);
  /**
   * The menu's badges, loaded with their API clients only once someone is signed in: the sign-in
   * page does not download them.
   */
  protected readonly counts = signal<NavCounts | null>(null);
  private countsLoading: Promise<NavCounts> | null = null;
  protected readonly taskBadge = computed(() => this.counts()?.task.count() ?? null);
  protected readonly inquiryBadge = computed(() => this.counts()?.inquiry.count() ?? null);
  protected readonly requestBadge = computed(() => this.counts()?.request.count() ?? null);

  /**
   * False until the first navigation has settled. Until then the page is hidden: the menu grows
   * (wrapping on a phone) once the session is known, and the page below it must not be seen to
   * jump down (layout shift); it has nothing to show before the first navigation anyway.
   */
  protected readonly firstNavigationDone = signal(false);

  constructor() {
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd || event instanceof NavigationCancel || event instanceof NavigationError),
        take(1),
      )
      .subscribe(() => this.firstNavigationDone.set(true));
    // The badge follows the user around: asked again on navigation, at most every 30 seconds.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        const user = this.session.user();
        if (!user) return;
        void this.loadCounts().then((counts) => {
          counts.task.refresh();
          counts.inquiry.refresh();
          if (user.role === 'admin') counts.request.refresh();
        });
      });
    effect(() => {
      const counts = this.counts();
      if (this.session.user() || !counts) return;
      counts.task.clear();
      counts.request.clear();
      counts.inquiry.clear();
    });
  }

  private loadCounts(): Promise<NavCounts> {
    this.countsLoading ??= import('./shared/nav-counts').then((m) => {
      const counts = m.navCounts(this.injector);
      this.counts.set(counts);
      return counts;
    });
    return this.countsLoading;
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
