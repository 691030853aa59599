import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n, TranslatePipe } from '../core/i18n';
import { ListState } from './list-state';

@Component({
  imports: [ListState, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" [empty]="empty()" (retry)="retries.set(retries() + 1)">
        <ng-container listStateError>{{ 'outbox.loadError' | t }}</ng-container>
        <ng-container listStateEmpty>{{ 'outbox.empty' | t }}</ng-container>
      </app-list-state>
    </section>
  `,
})
class Host {
  readonly loading = signal(false);
  readonly error = signal<unknown>(null);
  readonly errorText = signal('');
  readonly empty = signal(false);
  readonly retries = signal(0);
}

describe('ListState', () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;
  let root: HTMLElement;

  const text = (selector: string) => root.querySelector(selector)?.textContent ?? null;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.inject(I18n).setLanguage('en');
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('keeps an empty progress slot and shows nothing else when idle', () => {
    expect(root.querySelector('.progress-slot')).not.toBeNull();
    expect(root.querySelector('mat-progress-bar')).toBeNull();
    expect(root.querySelector('.error-state')).toBeNull();
    expect(root.querySelector('.empty-state')).toBeNull();
    expect(root.textContent?.trim()).toBe('');
  });

  it('shows an indeterminate, labelled bar while loading', async () => {
    host.loading.set(true);
    await fixture.whenStable();
    const bar = root.querySelector('.progress-slot > mat-progress-bar');
    expect(bar?.getAttribute('mode')).toBe('indeterminate');
    expect(bar?.getAttribute('aria-label')).toBe('Loading …');
  });

  it('shows the error as an alert with the projected text, the description and Retry', async () => {
    host.error.set(new Error('boom'));
    host.errorText.set('The server did not answer.');
    await fixture.whenStable();
    const alert = root.querySelector('.error-state');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(text('.error-state > p')).toBe('Could not load the outbox. The server did not answer.');
    const button = root.querySelector<HTMLButtonElement>('.error-state > button');
    expect(button?.getAttribute('type')).toBe('button');
    expect(button?.textContent?.trim()).toBe('Retry');
    button?.click();
    expect(host.retries()).toBe(1);
  });

  it('shows the projected empty message, again after it was gone', async () => {
    host.empty.set(true);
    await fixture.whenStable();
    const message = 'The outbox is empty. E-mail the system sends, e.g. reminders about reviews, shows up here.';
    expect(text('.empty-state > p')).toBe(message);
    host.empty.set(false);
    await fixture.whenStable();
    expect(root.querySelector('.empty-state')).toBeNull();
    host.empty.set(true);
    await fixture.whenStable();
    expect(text('.empty-state > p')).toBe(message);
  });

  it('follows the language', async () => {
    host.error.set('x');
    host.errorText.set('Nope.');
    await fixture.whenStable();
    TestBed.inject(I18n).setLanguage('sv');
    fixture.changeDetectorRef.markForCheck();
    await fixture.whenStable();
    expect(text('.error-state > p')).not.toContain('Could not load');
    expect(text('.error-state > p')).toMatch(/ Nope\.$/);
  });
});
