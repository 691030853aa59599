import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  addCalendarDays,
  CreateQuoteRequest,
  CustomerDetail,
  formatSek,
  PersonExistsParams,
  QUOTE_LINE_KINDS,
  QuoteDetail,
  stockholmDate,
  UpdateQuoteRequest,
} from '@privdesk/domain';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { applyServerErrors, describeError, focusFirstInvalid, httpStatus } from '../../core/api/api-errors';
import { CustomersApi } from '../../core/api/customers.api';
import { QuotesApi } from '../../core/api/quotes.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { dateToIso, isoToDate } from '../../core/iso-date-adapter';
import {
  AutofocusDirective,
  CustomerPick,
  customerPick,
  CustomerPicker,
  customerPeople,
  ErrorTextPipe,
  isStaleEdit,
  ListState,
  PersonExistsNotice,
  personExists,
  PersonFields,
  personForm,
  personInput,
  quoteLineKindKey,
  StaleEdit,
  StaleEditNotice,
} from '../../shared';
import { lineForm, liveAmounts, linesInput, QuoteLineForm } from './quote-lines';

/** What an open quote's editor changes: title, validity and lines. */
interface QuoteEditValues {
  title: string;
  validUntil: Date | null;
  lines: Array<QuoteLineForm['value']>;
}

function quoteEditValues(quote: QuoteDetail): QuoteEditValues {
  return { title: quote.title, validUntil: isoToDate(quote.validUntil), lines: quote.lines.map((line) => lineForm(line).getRawValue()) };
}

/** How long a new quote is valid unless the seller says otherwise. */
export const DEFAULT_VALID_DAYS = 30;

/**
 * A quote's editor: to whom (a customer and/or a person, or a new prospect), title, validity and a
 * table of lines with live totals in SEK. `/quotes/new` and `/quotes/:id/edit` (open quotes only).
 */
@Component({
  selector: 'app-quote-editor',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
    ErrorTextPipe,
    AutofocusDirective,
    CustomerPicker,
    PersonFields,
    PersonExistsNotice,
    ListState,
    StaleEditNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quote-editor.html',
  styleUrl: './quote-editor.scss',
})
export class QuoteEditorPage implements OnInit {
  private readonly api = inject(QuotesApi);
  private readonly customersApi = inject(CustomersApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** The quote being edited (`/quotes/:id/edit`); none for a new one. */
  readonly id = input<string>();
  /** `?customerId=` for a new quote from a customer's page. */
  readonly customerId = input<string>();

  protected readonly kinds = QUOTE_LINE_KINDS;
  protected readonly kindKey = quoteLineKindKey;
  protected readonly sek = formatSek;

  private readonly today = stockholmDate(new Date());
  /** Mirrors `CreateQuoteRequest`; server field paths such as `lines.1.unitPrice` name its controls. */
  protected readonly form = new FormGroup({
    holderMode: new FormControl<'customer' | 'prospect'>('customer', { nonNullable: true }),
    customer: new FormControl<CustomerPick | null>(null, { validators: [Validators.required] }),
    /** The server wants a holder: the person customer, or one of a company's contact persons. */
    holderId: new FormControl<string | null>(null, { validators: [Validators.required] }),
    holder: personForm(),
    title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    issuedOn: new FormControl<Date | null>(isoToDate(this.today), { validators: [Validators.required] }),
    validUntil: new FormControl<Date | null>(isoToDate(addCalendarDays(this.today, DEFAULT_VALID_DAYS)), { validators: [Validators.required] }),
    lines: new FormArray<QuoteLineForm>([lineForm()]),
  });
  protected readonly lines = this.form.controls.lines;
  protected readonly mode = signal<'customer' | 'prospect'>('customer');
  private readonly customerDetail = signal<CustomerDetail | null>(null);
  protected readonly people = computed(() => customerPeople(this.customerDetail()));

  private readonly lineValues = toSignal(this.lines.valueChanges.pipe(startWith(null), map(() => this.lines.getRawValue())), { requireSync: true });
  protected readonly amounts = computed(() => liveAmounts(this.lineValues()));

  protected readonly quote = signal<QuoteDetail | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<unknown>(null);
  protected readonly loadErrorText = computed(() => (this.loadError() ? describeError(this.loadError(), this.i18n) : ''));
  protected readonly notEditable = computed(() => {
    const quote = this.quote();
    return !!quote && (quote.status !== 'open' || quote.pricesHidden);
  });
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);
  /** The person already registered with the prospect's address (the server's `person_exists`). */
  protected readonly existing = signal<PersonExistsParams | null>(null);
  /** The version an edit is based on; someone else's save in between is merged, not overwritten. */
  protected readonly stale = new StaleEdit<QuoteDetail, QuoteEditValues>(quoteEditValues, {
    labels: { title: 'quote.titleField', validUntil: 'quote.validUntil', lines: 'quote.lines' },
    show: (field, value) => (field === 'lines' ? this.showLines(value as QuoteEditValues['lines']) : undefined),
  });

  constructor() {
    this.applyMode('customer');
    this.form.controls.holder.controls.email.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.existing.set(null));
    this.form.controls.holderMode.valueChanges.pipe(takeUntilDestroyed()).subscribe((mode) => this.applyMode(mode));
    this.form.controls.customer.valueChanges
      .pipe(
        switchMap((picked) => {
          this.form.controls.holderId.setValue(null);
          return picked ? this.customersApi.get(picked.id).pipe(catchError(() => of(null))) : of(null);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((customer) => {
        this.customerDetail.set(customer);
        // A person customer is the holder himself or herself; a company's first contact person is a good guess.
        const first = customerPeople(customer)[0];
        if (first) this.form.controls.holderId.setValue(first.id);
      });
  }

  ngOnInit(): void {
    const id = this.id();
    if (id) {
      this.load(id);
      return;
    }
    const customerId = this.customerId();
    if (customerId) this.customersApi.get(customerId).subscribe({ next: (customer) => this.form.controls.customer.setValue(customerPick(customer)) });
  }

  protected load(id: string): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.get(id).subscribe({
      next: (quote) => {
        this.loading.set(false);
        this.quote.set(quote);
        this.stale.start(quote);
        this.setEditValues(quoteEditValues(quote));
        // Who the quote is for does not change once it was sent.
        for (const name of ['holderMode', 'customer', 'holderId', 'holder', 'issuedOn'] as const) this.form.controls[name].disable();
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(error);
      },
    });
  }

  protected lineNet(index: number): number {
    return this.amounts().lines[index]?.net ?? 0;
  }

  protected addLine(focus = true): void {
    this.lines.push(lineForm());
    if (focus) setTimeout(() => this.host.nativeElement.querySelector<HTMLInputElement>(`#line-${this.lines.length - 1}-description`)?.focus());
  }

  protected removeLine(index: number): void {
    if (this.lines.length <= 1) return;
    this.lines.removeAt(index);
    setTimeout(() => this.host.nativeElement.querySelector<HTMLInputElement>(`#line-${Math.min(index, this.lines.length - 1)}-description`)?.focus());
  }

  /** Enter in a line's last field adds the next line, so a quote can be typed without the mouse. */
  protected onLastFieldEnter(event: Event, index: number): void {
    if (index !== this.lines.length - 1) return;
    event.preventDefault();
    this.addLine();
  }

  /** `existingPersonId`: the registered person the seller chose as the prospect (blank fields filled in). */
  protected submit(existingPersonId?: string): void {
    if (this.busy() || this.notEditable()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set([() => this.i18n.t('error.validation')]);
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    const lines = linesInput(v.lines);
    const quote = this.quote();
    this.busy.set(true);
    this.errors.set([]);
    this.existing.set(null);
    const request$ = quote
      ? this.api.update(quote.id, { title: v.title.trim(), validUntil: dateToIso(v.validUntil) ?? '', lines, version: this.stale.version } satisfies UpdateQuoteRequest)
      : this.api.create({ ...this.createRequest(v.title, v.validUntil, v.issuedOn, lines), ...(existingPersonId ? { existingPersonId } : {}) });
    request$.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.snackBar.open(this.i18n.t(quote ? 'quote.saved' : 'quote.new.created', { number: saved.quoteNumber }), undefined, { duration: 4000 });
        void this.router.navigate(['/quotes', saved.id]);
      },
      error: (error: unknown) => {
        if (quote && isStaleEdit(error)) {
          this.mergeTheirs(quote.id);
          return;
        }
        this.existing.set(personExists(error));
        if (this.existing()) {
          this.busy.set(false);
          return;
        }
        const unmatched = applyServerErrors(this.form, error, ['holder']);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
        if (httpStatus(error) === 409 && quote) this.load(quote.id);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  /** Someone else saved the quote first: their changes join what the user typed, and the notice says which. */
  private mergeTheirs(id: string): void {
    this.api.get(id).subscribe({
      next: (current) => {
        this.busy.set(false);
        this.quote.set(current);
        const v = this.form.getRawValue();
        this.setEditValues(this.stale.merge(current, { title: v.title, validUntil: v.validUntil, lines: v.lines }));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.set([() => describeError(error, this.i18n)]);
      },
    });
  }

  protected discardMine(): void {
    this.setEditValues(this.stale.discard());
    this.form.markAsPristine();
  }

  private setEditValues(values: QuoteEditValues): void {
    this.form.controls.title.setValue(values.title);
    this.form.controls.validUntil.setValue(values.validUntil);
    this.lines.clear();
    for (const line of values.lines) {
      const row = lineForm();
      row.patchValue(line);
      this.lines.push(row);
    }
  }

  /** A quote's lines in a sentence: "Byte av skärm 1 × 1 200,00 kr; …". */
  private showLines(lines: QuoteEditValues['lines']): string {
    return lines.map((line) => `${line.description ?? ''} ${line.quantity ?? 0} × ${formatSek(Math.round((line.unitPrice ?? 0) * 100))}`).join('; ');
  }

  private createRequest(title: string, validUntil: Date | null, issuedOn: Date | null, lines: CreateQuoteRequest['lines']): CreateQuoteRequest {
    const v = this.form.getRawValue();
    const request: CreateQuoteRequest = {
      title: title.trim(),
      validUntil: dateToIso(validUntil) ?? '',
      issuedOn: dateToIso(issuedOn) ?? undefined,
      lines,
    };
    if (v.holderMode === 'customer') {
      request.customerId = v.customer?.id ?? null;
      request.holderId = v.holderId;
    } else {
      request.holder = personInput(this.form.controls.holder, 'omit');
    }
    return request;
  }

  private applyMode(mode: 'customer' | 'prospect'): void {
    this.mode.set(mode);
    const { customer, holderId, holder } = this.form.controls;
    if (mode === 'customer') {
      customer.enable({ emitEvent: false });
      holderId.enable({ emitEvent: false });
      holder.disable({ emitEvent: false });
    } else {
      customer.disable({ emitEvent: false });
      holderId.disable({ emitEvent: false });
      holder.enable({ emitEvent: false });
    }
  }
}
