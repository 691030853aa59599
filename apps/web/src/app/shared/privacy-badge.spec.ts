import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { Privacy } from '@privdesk/domain';
import { I18n } from '../core/i18n';
import { PrivacyBadge } from './privacy-badge';

const dated: Privacy = {
  purpose: 'P3',
  legalBasis: 'contract',
  retainUntil: '2031-06-30',
  rule: 'agreement end + 5 years',
  ruleSv: 'avtalets slut + 5 år',
};

const openEnded: Privacy = {
  purpose: 'P6',
  legalBasis: 'legitimate_interest',
  retainUntil: null,
  rule: 'while the agreement runs',
  ruleSv: 'medan avtalet löper',
};

describe('PrivacyBadge', () => {
  let fixture: ComponentFixture<PrivacyBadge>;

  async function render(privacy: Privacy): Promise<HTMLElement> {
    fixture.componentRef.setInput('privacy', privacy);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (root: HTMLElement, testId: string) =>
    root.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null;

  beforeEach(() => {
    localStorage.clear();
    fixture = TestBed.createComponent(PrivacyBadge);
  });

  it('shows the legal basis and "kept until" with the date, in Swedish by default', async () => {
    const root = await render(dated);
    expect(root.querySelector('[data-testid="privacy-badge"]')).not.toBeNull();
    expect(text(root, 'legal-basis')).toBe('Avtal');
    expect(text(root, 'retain-until')).toBe('Sparas t.o.m. 2031-06-30');
  });

  it('shows the open-ended text when there is no deadline yet', async () => {
    const root = await render(openEnded);
    expect(text(root, 'legal-basis')).toBe('Intresseavvägning');
    expect(text(root, 'retain-until')).toBe('Sparas medan avtalet löper');
    expect(text(root, 'retain-until')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('switches to English, with purpose and rule as accessible text', async () => {
    TestBed.inject(I18n).setLanguage('en');
    let root = await render(dated);
    expect(text(root, 'legal-basis')).toBe('Contract');
    expect(text(root, 'retain-until')).toBe('Kept until 2031-06-30');
    const hidden = root.querySelector('.cdk-visually-hidden')?.textContent ?? '';
    expect(hidden).toContain('P3 Administer the customer relationship');
    expect(hidden).toContain('agreement end + 5 years');

    root = await render(openEnded);
    expect(text(root, 'retain-until')).toBe('Kept while the agreement runs');
  });

  it('uses the Swedish rule words in Swedish', async () => {
    const root = await render(dated);
    const hidden = root.querySelector('.cdk-visually-hidden')?.textContent ?? '';
    expect(hidden).toContain('P3 Administrera kundrelationen');
    expect(hidden).toContain('avtalets slut + 5 år');
  });
});
