import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { DEFAULT_VAT_PERCENT, QuoteAmounts, quoteAmounts, QuoteLineInput, QuoteLineKind, QuoteLineView } from '@privdesk/domain';

export type QuoteLineForm = FormGroup<{
  kind: FormControl<QuoteLineKind>;
  description: FormControl<string>;
  quantity: FormControl<number | null>;
  unitPrice: FormControl<number | null>;
  discountPercent: FormControl<number | null>;
  vatPercent: FormControl<number | null>;
}>;

export type QuoteLinesForm = FormArray<QuoteLineForm>;

/** At most two decimals (öre), as the API takes prices. */
export const twoDecimals = (control: { value: unknown }) =>
  typeof control.value === 'number' && Math.round(control.value * 100) !== Number((control.value * 100).toFixed(6)) ? { decimals: true } : null;

export function lineForm(line?: Partial<QuoteLineView> | null): QuoteLineForm {
  return new FormGroup({
    kind: new FormControl<QuoteLineKind>(line?.kind ?? 'service', { nonNullable: true }),
    description: new FormControl(line?.description ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(300)] }),
    quantity: new FormControl<number | null>(line?.quantity ?? 1, { validators: [Validators.required, Validators.min(0.01)] }),
    unitPrice: new FormControl<number | null>(line?.unitPrice ?? null, { validators: [Validators.required, Validators.min(0), twoDecimals] }),
    discountPercent: new FormControl<number | null>(line?.discountPercent ?? 0, { validators: [Validators.min(0), Validators.max(100)] }),
    vatPercent: new FormControl<number | null>(line?.vatPercent ?? DEFAULT_VAT_PERCENT, { validators: [Validators.required, Validators.min(0), Validators.max(100)] }),
  });
}

const finite = (value: number | null | undefined, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** The lines as the API takes them; blanks count as 0 (quantity) or the defaults (discount, VAT). */
export function linesInput(lines: ReadonlyArray<QuoteLineForm['value']>): QuoteLineInput[] {
  return lines.map((line) => ({
    kind: line.kind ?? 'service',
    description: (line.description ?? '').trim(),
    quantity: finite(line.quantity, 0),
    unitPrice: finite(line.unitPrice, 0),
    discountPercent: finite(line.discountPercent, 0),
    vatPercent: finite(line.vatPercent, DEFAULT_VAT_PERCENT),
  }));
}

/** The live totals while typing, in öre — the domain's arithmetic, the same the server and the PDF use. */
export function liveAmounts(lines: ReadonlyArray<QuoteLineForm['value']>): QuoteAmounts {
  return quoteAmounts(linesInput(lines));
}
