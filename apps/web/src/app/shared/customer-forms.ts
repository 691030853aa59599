import { FormControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';
import type { OrganisationInput, OrganisationView, PersonInput, PersonView } from '@privdesk/domain';
import { blankToNull } from '../core/format';
import type { TranslationKey } from '../core/i18n';
import { dateToIso, isoToDate } from '../core/iso-date-adapter';

const text = (value: string | null | undefined = '', ...validators: ValidatorFn[]) =>
  new FormControl<string>(value ?? '', { nonNullable: true, validators });

export type PersonForm = FormGroup<{
  firstName: FormControl<string>;
  lastName: FormControl<string>;
  email: FormControl<string>;
  phone: FormControl<string>;
  street: FormControl<string>;
  postalCode: FormControl<string>;
  city: FormControl<string>;
  personnummer: FormControl<string>;
}>;

export type OrganisationForm = FormGroup<{
  name: FormControl<string>;
  orgNumber: FormControl<string>;
  email: FormControl<string>;
  phone: FormControl<string>;
  street: FormControl<string>;
  postalCode: FormControl<string>;
  city: FormControl<string>;
  dpaSignedOn: FormControl<Date | null>;
}>;

/** The labels of a person's fields as `PersonFields` shows them, by dotted path under `prefix` (for the stale-edit notice). */
export function personLabels(prefix = 'person', personnummer: TranslationKey = 'field.personnummerKeep'): Record<string, TranslationKey> {
  return prefixed(prefix, {
    firstName: 'field.firstName',
    lastName: 'field.lastName',
    email: 'field.email',
    phone: 'field.phone',
    street: 'field.street',
    postalCode: 'field.postalCode',
    city: 'field.city',
    personnummer,
  });
}

/** The labels of a company's fields as `OrganisationFields` shows them, by dotted path under `prefix`. */
export function organisationLabels(prefix = 'organisation'): Record<string, TranslationKey> {
  return prefixed(prefix, {
    name: 'field.orgName',
    orgNumber: 'field.orgNumber',
    email: 'field.email',
    phone: 'field.phone',
    street: 'field.street',
    postalCode: 'field.postalCode',
    city: 'field.city',
    dpaSignedOn: 'field.dpaSignedOn',
  });
}

const prefixed = (prefix: string, labels: Record<string, TranslationKey>) =>
  Object.fromEntries(Object.entries(labels).map(([field, label]) => [prefix ? `${prefix}.${field}` : field, label]));

/** A person's fields; the full personnummer is never pre-filled (only its masked form is known). */
export function personForm(person?: PersonView | null): PersonForm {
  return new FormGroup({
    firstName: text(person?.firstName, Validators.required),
    lastName: text(person?.lastName, Validators.required),
    email: text(person?.email, Validators.email),
    phone: text(person?.phone),
    street: text(person?.street),
    postalCode: text(person?.postalCode),
    city: text(person?.city),
    personnummer: text(''),
  });
}

export function organisationForm(organisation?: OrganisationView | null): OrganisationForm {
  return new FormGroup({
    name: text(organisation?.name, Validators.required),
    orgNumber: text(organisation?.orgNumber),
    email: text(organisation?.email, Validators.email),
    phone: text(organisation?.phone),
    street: text(organisation?.street),
    postalCode: text(organisation?.postalCode),
    city: text(organisation?.city),
    dpaSignedOn: new FormControl<Date | null>(isoToDate(organisation?.dpaSignedOn)),
  });
}

/**
 * The request body for a person. Empty optional fields are sent as null (cleared).
 * `personnummer`: 'send' includes it (null when empty), 'ifFilled' only when typed (edit:
 * an empty field keeps the stored number), 'omit' never.
 */
export function personInput(form: PersonForm, personnummer: 'send' | 'ifFilled' | 'omit' = 'send'): PersonInput {
  const v = form.getRawValue();
  const input: PersonInput = {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    email: blankToNull(v.email),
    phone: blankToNull(v.phone),
    street: blankToNull(v.street),
    postalCode: blankToNull(v.postalCode),
    city: blankToNull(v.city),
  };
  const number = blankToNull(v.personnummer);
  if (personnummer === 'send' || (personnummer === 'ifFilled' && number)) input.personnummer = number;
  return input;
}

export function organisationInput(form: OrganisationForm): OrganisationInput {
  const v = form.getRawValue();
  return {
    name: v.name.trim(),
    orgNumber: blankToNull(v.orgNumber),
    email: blankToNull(v.email),
    phone: blankToNull(v.phone),
    street: blankToNull(v.street),
    postalCode: blankToNull(v.postalCode),
    city: blankToNull(v.city),
    dpaSignedOn: dateToIso(v.dpaSignedOn),
  };
}
