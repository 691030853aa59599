import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { PERSON_EXISTS, PersonExistsParams } from '@privdesk/domain';
import { I18n, TranslatePipe } from '../core/i18n';
import { AutofocusDirective } from './autofocus.directive';

/**
 * The registered person, when a staff form's answer was `person_exists` (the typed e-mail address
 * or personnummer belongs to someone already); null for any other error.
 */
export function personExists(error: unknown): PersonExistsParams | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return null;
  const body = error.error as { code?: unknown; params?: Partial<PersonExistsParams> } | null;
  if (!body || body.code !== PERSON_EXISTS || !body.params?.person?.id) return null;
  return { person: body.params.person, matchedOn: body.params.matchedOn === 'personnummer' ? 'personnummer' : 'email' };
}

/**
 * "Already registered: name (address)" with a button to use that person. A person is stored once
 * per e-mail address: the form is sent again with `existingPersonId` (the caller's `use`).
 */
@Component({
  selector: 'app-person-exists',
  imports: [MatButtonModule, TranslatePipe, AutofocusDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="person-exists" role="alert" data-testid="person-exists">
      <strong>{{ title() }}</strong>
      <p>{{ records() }}{{ existing().person.personnummerMasked ? ' · ' + existing().person.personnummerMasked : '' }}</p>
      <p>{{ 'personExists.explain' | t }}</p>
      <button mat-flat-button type="button" [disabled]="busy()" (click)="use.emit(existing().person.id)" [appAutofocus]="true" data-testid="person-exists-use">
        {{ 'personExists.use' | t: { name: existing().person.fullName } }}
      </button>
    </div>
  `,
  styles: `
    .person-exists {
      padding: 0.75rem 1rem;
      margin-block: 0.75rem;
      border-radius: 0.75rem;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    strong {
      display: block;
    }
    p {
      margin: 0.25rem 0 0.5rem;
    }
  `,
})
export class PersonExistsNotice {
  private readonly i18n = inject(I18n);

  readonly existing = input.required<PersonExistsParams>();
  readonly busy = input(false);
  /** The registered person's id: the caller sends its form again with `existingPersonId`. */
  readonly use = output<string>();

  protected readonly title = computed(() => {
    const { person, matchedOn } = this.existing();
    return matchedOn === 'personnummer' || !person.email
      ? this.i18n.t('personExists.titlePersonnummer', { name: person.fullName, personnummer: person.personnummerMasked ?? '' })
      : this.i18n.t('personExists.title', { name: person.fullName, email: person.email });
  });

  protected readonly records = computed(() => {
    const n = this.existing().person.roles;
    return this.i18n.t(n === 0 ? 'personExists.records.none' : n === 1 ? 'personExists.records.one' : 'personExists.records.many', { n });
  });
}
