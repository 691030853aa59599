import { FormControl, FormGroup, Validators } from '@angular/forms';
import { AgreementInput, AgreementView, stockholmDate } from '@privdesk/domain';
import { dateToIso, isoToDate } from '../../core/iso-date-adapter';

export type AgreementForm = FormGroup<{
  title: FormControl<string>;
  startDate: FormControl<Date | null>;
  endDate: FormControl<Date | null>;
}>;

/** Mirrors `AgreementInput`, so the server's field paths (`title`, `endDate`) name its controls. */
export function agreementForm(agreement?: AgreementView | null, today = stockholmDate(new Date())): AgreementForm {
  return new FormGroup({
    title: new FormControl(agreement?.title ?? '', { nonNullable: true, validators: [Validators.required] }),
    startDate: new FormControl<Date | null>(isoToDate(agreement?.startDate ?? today), { validators: [Validators.required] }),
    endDate: new FormControl<Date | null>(isoToDate(agreement?.endDate)),
  });
}

export function agreementInput(form: AgreementForm): AgreementInput {
  const value = form.getRawValue();
  return { title: value.title.trim(), startDate: dateToIso(value.startDate) ?? '', endDate: dateToIso(value.endDate) };
}
