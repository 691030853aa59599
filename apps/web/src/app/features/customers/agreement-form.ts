import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { AgreementInput, AgreementView } from '@privdesk/domain';
import { blankToNull } from '../../core/format';
import { endNotBeforeStart } from '../../shared';

export type AgreementForm = FormGroup<{
  title: FormControl<string>;
  startDate: FormControl<string>;
  endDate: FormControl<string>;
}>;

/** Mirrors `AgreementInput`; dates are `YYYY-MM-DD` (what `<input type="date">` gives). */
export function agreementForm(agreement?: AgreementView | null, today = new Date().toISOString().slice(0, 10)): AgreementForm {
  return new FormGroup(
    {
      title: new FormControl(agreement?.title ?? '', { nonNullable: true, validators: [Validators.required] }),
      startDate: new FormControl(agreement?.startDate ?? today, { nonNullable: true, validators: [Validators.required] }),
      endDate: new FormControl(agreement?.endDate ?? '', { nonNullable: true }),
    },
    { validators: [(group) => endNotBeforeStart(group as FormGroup)] },
  );
}

export function agreementInput(form: AgreementForm): AgreementInput {
  const value = form.getRawValue();
  return { title: value.title.trim(), startDate: value.startDate, endDate: blankToNull(value.endDate) };
}
