import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import type { CullPreview } from '@privdesk/domain';
import { Observable, of, throwError } from 'rxjs';
import { RetentionApi } from '../../../core/api/retention.api';
import { I18n } from '../../../core/i18n';
import { RunCullDialog } from './run-cull-dialog';

const preview: CullPreview = {
  asOf: '2026-11-30',
  policies: [
    { policy: 'P3', recordType: 'customer', action: 'delete', counts: { deleted: 2, anonymised: 1, held: 1, reviewed: 0 }, records: [] },
    { policy: 'P7', recordType: 'agreement', action: 'review', counts: { deleted: 0, anonymised: 0, held: 0, reviewed: 3 }, records: [] },
  ],
};

describe('RunCullDialog', () => {
  async function open(answer: Observable<CullPreview>): Promise<{ fixture: ComponentFixture<RunCullDialog>; root: HTMLElement; asked: string[] }> {
    const asked: string[] = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { asOf: '2026-11-30' } },
        { provide: RetentionApi, useValue: { preview: (asOf: string) => (asked.push(asOf), answer) } },
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    const fixture = TestBed.createComponent(RunCullDialog);
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement, asked };
  }

  const button = (root: HTMLElement) => root.querySelector<HTMLButtonElement>('[data-testid="confirm-run-cull"]');

  beforeEach(() => localStorage.clear());

  it('asks with the preview of the same day: how many records and what happens to them', async () => {
    const { root, asked } = await open(of(preview));

    expect(asked).toEqual(['2026-11-30']);
    expect(root.textContent).toContain('Run the cull as of 2026-11-30?');
    expect(root.textContent).toContain('covers 7 records');
    const counts = Array.from(root.querySelectorAll('[data-outcome]'), (item) => item.textContent?.trim());
    expect(counts).toEqual(['Deleted: 2', 'Anonymised: 1', 'Held: 1', 'Sent to review: 3']);
    expect(button(root)?.disabled).toBe(false);
  });

  it('says when the cull would take nothing', async () => {
    const { root } = await open(of({ asOf: '2026-11-30', policies: [] }));

    expect(root.textContent).toContain('the cull will take nothing');
  });

  it('does not offer to run when the preview could not be loaded', async () => {
    const { root } = await open(throwError(() => new Error('offline')));

    expect(root.textContent).toContain('Could not count what the cull would take.');
    expect(button(root)?.disabled).toBe(true);
  });
});
