import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { STALE_VERSION } from '@privdesk/domain';
import { I18n } from '../core/i18n';
import { isoToDate } from '../core/iso-date-adapter';
import { isStaleEdit, StaleEdit, StaleEditFields, StaleEditNotice } from './stale-edit';

interface Contact {
  version: number;
  person: { firstName: string; phone: string | null; city: string | null };
  leftOn: string | null;
}

type ContactValues = { person: { firstName: string; phone: string; city: string }; leftOn: Date | null };

const contactValues = (contact: Contact): ContactValues => ({
  person: { firstName: contact.person.firstName, phone: contact.person.phone ?? '', city: contact.person.city ?? '' },
  leftOn: isoToDate(contact.leftOn),
});

const fields: StaleEditFields = {
  labels: { 'person.firstName': 'field.firstName', 'person.phone': 'field.phone', 'person.city': 'field.city', leftOn: 'field.leftOn' },
};

const loaded: Contact = { version: 3, person: { firstName: 'Karin', phone: '070-111 11 11', city: 'Umeå' }, leftOn: null };
/** What the other person saved: a new phone, a left-on date and another city. */
const theirs: Contact = { version: 4, person: { firstName: 'Karin', phone: '070-222 22 22', city: 'Luleå' }, leftOn: '2026-06-30' };
/** What I typed meanwhile: a new first name and another city than theirs. */
const mine = (): ContactValues => ({ person: { firstName: 'Karin-Lo', phone: '070-111 11 11', city: 'Piteå' }, leftOn: null });

const answer = (status: number, body: unknown) => new HttpErrorResponse({ status, error: body });

describe('a stale edit', () => {
  it('is told by the 409 stale_version answer only', () => {
    expect(isStaleEdit(answer(409, { statusCode: 409, code: STALE_VERSION, params: { currentVersion: 4 } }))).toBe(true);
    expect(isStaleEdit(answer(409, { statusCode: 409, code: 'person_exists' }))).toBe(false);
    expect(isStaleEdit(answer(400, { code: STALE_VERSION }))).toBe(false);
    expect(isStaleEdit(new Error('offline'))).toBe(false);
  });

  it('merges: their changes to fields I left alone, mine kept, clashes marked, the new version as base', () => {
    const stale = new StaleEdit(contactValues, fields, loaded);
    expect(stale.version).toBe(3);

    const merged = stale.merge(theirs, mine());

    expect(merged.person).toEqual({ firstName: 'Karin-Lo', phone: '070-222 22 22', city: 'Piteå' });
    expect(merged.leftOn).toEqual(isoToDate('2026-06-30'));
    expect(stale.version).toBe(4);
    expect(stale.conflict()?.changes).toEqual([
      { field: 'person.phone', value: '070-222 22 22', clash: false },
      { field: 'person.city', value: 'Luleå', clash: true },
      { field: 'leftOn', value: isoToDate('2026-06-30'), clash: false },
    ]);
  });

  it('compares dates by their day, not by the Date object', () => {
    const sameDay = new StaleEdit(contactValues, fields, { ...loaded, leftOn: '2026-01-31' });
    sameDay.merge({ ...loaded, version: 4, leftOn: '2026-01-31' }, { ...mine(), leftOn: isoToDate('2026-01-31') });
    expect(sameDay.conflict()?.changes).toEqual([]);

    const otherDay = new StaleEdit(contactValues, fields, { ...loaded, leftOn: '2026-01-31' });
    const merged = otherDay.merge({ ...loaded, version: 4, leftOn: '2026-02-28' }, { ...mine(), leftOn: isoToDate('2026-01-31') });
    expect(otherDay.conflict()?.changes).toEqual([{ field: 'leftOn', value: isoToDate('2026-02-28'), clash: false }]);
    expect(merged.leftOn).toEqual(isoToDate('2026-02-28'));
  });

  it('discards mine for the values stored now and closes the notice', () => {
    const stale = new StaleEdit(contactValues, fields, loaded);
    stale.merge(theirs, mine());
    expect(stale.discard()).toEqual(contactValues(theirs));
    expect(stale.conflict()).toBeNull();
    expect(stale.version).toBe(4);
  });
});

/** A form as the app's edit forms use the notice: every save sends the version it is based on. */
@Component({
  selector: 'app-test-form',
  imports: [StaleEditNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (stale.conflict(); as conflict) {
      <app-stale-edit [conflict]="conflict" (saveAgain)="save()" (discard)="discard()" />
    }
  `,
})
class TestForm {
  readonly form = new FormGroup({
    person: new FormGroup({
      firstName: new FormControl(loaded.person.firstName, { nonNullable: true }),
      phone: new FormControl(loaded.person.phone ?? '', { nonNullable: true }),
      city: new FormControl(loaded.person.city ?? '', { nonNullable: true }),
    }),
    leftOn: new FormControl<Date | null>(null),
  });
  readonly stale = new StaleEdit(contactValues, fields, loaded);
  readonly sent: Array<ContactValues & { version: number }> = [];

  save(): void {
    this.sent.push({ ...this.form.getRawValue(), version: this.stale.version });
  }

  discard(): void {
    this.form.reset(this.stale.discard());
  }
}

describe('the notice of a stale edit', () => {
  beforeEach(() => localStorage.clear());

  async function refused() {
    const fixture = TestBed.createComponent(TestForm);
    const host = fixture.componentInstance;
    host.form.setValue(mine());
    host.form.setValue(host.stale.merge(theirs, host.form.getRawValue()));
    await fixture.whenStable();
    return { fixture, host, root: fixture.nativeElement as HTMLElement };
  }

  const changes = (root: HTMLElement) =>
    Array.from(root.querySelectorAll<HTMLElement>('[data-testid="stale-edit-change"]')).map((item) => item.textContent?.replace(/\s+/g, ' ').trim());

  it('names each field the other person changed with its value, in the form’s words, and marks the clash', async () => {
    const { fixture, root } = await refused();
    const notice = root.querySelector<HTMLElement>('[data-testid="stale-edit"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toContain('Någon annan sparade posten medan du redigerade');
    expect(changes(root)).toEqual([
      'Telefon: 070-222 22 22',
      'Ort: Luleå – ni ändrade båda – ditt värde behålls, kontrollera det',
      'Slutade den: 2026-06-30',
    ]);
    expect(root.querySelectorAll('[data-testid="stale-edit-clash"]')).toHaveLength(1);
    expect(root.querySelector('[data-field="person.city"]')?.classList).toContain('clash');
    expect(document.activeElement).toBe(notice);

    TestBed.inject(I18n).setLanguage('en');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(notice?.textContent).toContain('Someone else saved this record while you were editing');
    expect(changes(root)).toEqual(['Phone: 070-222 22 22', 'City: Luleå – you both changed it – your value is kept, check it', 'Left on: 2026-06-30']);
    expect(root.querySelector('[data-testid="stale-edit-save"]')?.textContent?.trim()).toBe('Save my changes again');
    expect(root.querySelector('[data-testid="stale-edit-discard"]')?.textContent?.trim()).toBe('Discard mine and use theirs');
  });

  it('"Save my changes again" sends the merged form with the version stored now', async () => {
    const { host, root } = await refused();
    expect(host.sent).toEqual([]);
    root.querySelector<HTMLButtonElement>('[data-testid="stale-edit-save"]')?.click();
    expect(host.sent).toEqual([
      { person: { firstName: 'Karin-Lo', phone: '070-222 22 22', city: 'Piteå' }, leftOn: isoToDate('2026-06-30'), version: 4 },
    ]);
  });

  it('"Discard mine and use theirs" puts the stored record in the form and closes the notice', async () => {
    const { fixture, host, root } = await refused();
    root.querySelector<HTMLButtonElement>('[data-testid="stale-edit-discard"]')?.click();
    await fixture.whenStable();
    expect(host.form.getRawValue()).toEqual(contactValues(theirs));
    expect(host.form.pristine).toBe(true);
    expect(root.querySelector('[data-testid="stale-edit"]')).toBeNull();
    expect(host.sent).toEqual([]);
  });

  it('says so when none of the form’s fields changed', async () => {
    const fixture = TestBed.createComponent(TestForm);
    const host = fixture.componentInstance;
    host.form.setValue(host.stale.merge({ ...loaded, version: 9 }, host.form.getRawValue()));
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.textContent).toContain('Inget av fälten här ändrades');
    expect(changes(root)).toEqual([]);
  });
});
