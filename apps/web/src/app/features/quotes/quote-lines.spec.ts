import { FormArray } from '@angular/forms';
import { formatSek } from '@privdesk/domain';
import { lineForm, linesInput, liveAmounts } from './quote-lines';

describe('quote lines', () => {
  it('sums two lines with discount and VAT to the öre', () => {
    const lines = new FormArray([
      lineForm({ kind: 'item', description: 'Laptop', quantity: 2, unitPrice: 9999.5, discountPercent: 10, vatPercent: 25 }),
      lineForm({ kind: 'service', description: 'Installation', quantity: 1.5, unitPrice: 850 }),
    ]);
    const amounts = liveAmounts(lines.getRawValue());
    // 2 × 9 999,50 = 19 999,00 − 10 % = 17 999,10; 1,5 × 850 = 1 275,00.
    expect(amounts.lines.map((line) => line.net)).toEqual([1799910, 127500]);
    expect(amounts.net).toBe(1927410);
    expect(amounts.vat).toBe(449978 + 31875);
    expect(amounts.total).toBe(2409263);
    expect(formatSek(amounts.total)).toBe('24\u00a0092,63\u00a0kr');
  });

  it('counts blank fields as nothing while the user is still typing', () => {
    const lines = new FormArray([lineForm()]);
    lines.at(0).controls.quantity.setValue(null);
    expect(liveAmounts(lines.getRawValue()).total).toBe(0);
    expect(linesInput(lines.getRawValue())[0]).toEqual({ kind: 'service', description: '', quantity: 0, unitPrice: 0, discountPercent: 0, vatPercent: 25 });
  });

  it('rejects prices with more than two decimals', () => {
    const line = lineForm({ description: 'x', unitPrice: 10.005 });
    expect(line.controls.unitPrice.errors).toEqual({ decimals: true });
    line.controls.unitPrice.setValue(19.99);
    expect(line.controls.unitPrice.errors).toBeNull();
  });
});
