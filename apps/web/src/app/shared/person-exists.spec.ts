import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { PersonExistsParams } from '@privdesk/domain';
import { I18n } from '../core/i18n';
import { PersonExistsNotice, personExists } from './person-exists';

const existing: PersonExistsParams = {
  matchedOn: 'email',
  person: { id: 'p-1', fullName: 'Mira Mässa', email: 'mira.massa@exempel.se', personnummerMasked: '19121212-****', roles: 2 },
};

const answer = (status: number, body: unknown) => new HttpErrorResponse({ status, error: body });

describe('the person already registered with a typed address', () => {
  it('is read from a person_exists answer only', () => {
    expect(personExists(answer(409, { statusCode: 409, code: 'person_exists', params: existing }))).toEqual(existing);
    expect(personExists(answer(409, { statusCode: 409, message: 'This person is a marketing contact already' }))).toBeNull();
    expect(personExists(answer(400, { code: 'person_exists', params: existing }))).toBeNull();
    expect(personExists(new Error('offline'))).toBeNull();
  });

  it('is named with the address and offered for use, in Swedish and English', async () => {
    localStorage.clear();
    const fixture = TestBed.createComponent(PersonExistsNotice);
    fixture.componentRef.setInput('existing', existing);
    const used: string[] = [];
    fixture.componentInstance.use.subscribe((id) => used.push(id));
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    expect(root.textContent).toContain('Redan registrerad: Mira Mässa (mira.massa@exempel.se)');
    expect(root.textContent).toContain('Finns i 2 poster.');
    expect(root.textContent).toContain('19121212-****');
    const button = root.querySelector<HTMLButtonElement>('[data-testid="person-exists-use"]');
    expect(button?.textContent?.trim()).toBe('Använd Mira Mässa');
    button?.click();
    expect(used).toEqual(['p-1']);

    TestBed.inject(I18n).setLanguage('en');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(root.textContent).toContain('Already registered: Mira Mässa (mira.massa@exempel.se)');
  });
});
