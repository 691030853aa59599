import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelect, MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  AddTicketEntryRequest,
  BusinessCalendar,
  PART_ACTIONS,
  PartAction,
  StaffMember,
  TICKET_ENTRY_KINDS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TicketDetail,
  TicketEntryKind,
  UpdateTicketRequest,
} from '@privdesk/domain';
import { catchError, map, merge, of, Subject, switchMap, tap } from 'rxjs';
import { applyServerErrors, describeError, focusFirstInvalid, httpStatus } from '../../core/api/api-errors';
import { BusinessHoursApi } from '../../core/api/business-hours.api';
import { TicketsApi } from '../../core/api/tickets.api';
import { StaffApi } from '../../core/api/work.api';
import { Session } from '../../core/auth';
import { formatInstant } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import {
  EntryIcon,
  entryKindKey,
  ErrorTextPipe,
  formatMinutes,
  isStaleEdit,
  ListMemory,
  ListState,
  partActionKey,
  PrivacyBadge,
  refreshOnFormEvents,
  SlaClock,
  ticketPriorityKey,
  ticketStatusKey,
} from '../../shared';

/** What the selects on the ticket change, one at a time. */
type TicketChange = Pick<UpdateTicketRequest, 'status' | 'priority' | 'assigneeId'>;

type EntryForm = FormGroup<{
  kind: FormControl<TicketEntryKind>;
  body: FormControl<string>;
  minutes: FormControl<number | null>;
  partAction: FormControl<PartAction>;
  partName: FormControl<string>;
}>;

function entryForm(kind: TicketEntryKind = 'note'): EntryForm {
  return new FormGroup({
    kind: new FormControl<TicketEntryKind>(kind, { nonNullable: true }),
    body: new FormControl('', { nonNullable: true }),
    minutes: new FormControl<number | null>(null),
    partAction: new FormControl<PartAction>('replaced', { nonNullable: true }),
    partName: new FormControl('', { nonNullable: true }),
  });
}

/** Which fields a kind of entry needs: a text for notes and messages, minutes for time, a part for parts. */
export function applyEntryKind(form: EntryForm, kind: TicketEntryKind): void {
  const { body, minutes, partName } = form.controls;
  body.setValidators(kind === 'note' || kind === 'message' ? [Validators.required] : []);
  minutes.setValidators(kind === 'time' ? [Validators.required, Validators.min(1), Validators.max(24 * 60)] : []);
  partName.setValidators(kind === 'part' ? [Validators.required] : []);
  for (const control of [body, minutes, partName]) control.updateValueAndValidity({ emitEvent: false });
}

/** The request for an entry: only the fields of its kind. */
export function entryRequest(form: EntryForm): AddTicketEntryRequest {
  const v = form.getRawValue();
  const request: AddTicketEntryRequest = { kind: v.kind, body: v.body.trim() };
  if (v.kind === 'time') request.minutes = v.minutes;
  if (v.kind === 'part') {
    request.partAction = v.partAction;
    request.partName = v.partName.trim();
  }
  return request;
}

@Component({
  selector: 'app-ticket-detail',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ErrorTextPipe,
    ListState,
    PrivacyBadge,
    EntryIcon,
    SlaClock,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ticket-detail.html',
  styleUrl: './ticket-detail.scss',
})
export class TicketDetailPage {
  private readonly api = inject(TicketsApi);
  private readonly staffApi = inject(StaffApi);
  private readonly hoursApi = inject(BusinessHoursApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly memory = inject(ListMemory);
  protected readonly session = inject(Session);
  protected readonly i18n = inject(I18n);

  readonly id = input.required<string>();

  protected readonly statuses = TICKET_STATUSES;
  protected readonly priorities = TICKET_PRIORITIES;
  protected readonly kinds = TICKET_ENTRY_KINDS;
  protected readonly partActions = PART_ACTIONS;
  protected readonly statusKey = ticketStatusKey;
  protected readonly priorityKey = ticketPriorityKey;
  protected readonly kindKey = entryKindKey;
  protected readonly partActionKey = partActionKey;
  protected readonly formatInstant = formatInstant;
  protected readonly formatMinutes = formatMinutes;
  protected readonly kindHints = {
    note: 'ticket.kindHint.note',
    message: 'ticket.kindHint.message',
    time: 'ticket.kindHint.time',
    part: 'ticket.kindHint.part',
  } as const;
  protected readonly bodyLabels = {
    note: 'ticket.bodyNote',
    message: 'ticket.bodyMessage',
    time: 'ticket.bodyOptional',
    part: 'ticket.bodyOptional',
  } as const;
  protected readonly backUrl = computed(() => this.router.parseUrl(this.memory.url('/tickets')));

  protected readonly ticket = signal<TicketDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(null);
  protected readonly notFound = computed(() => httpStatus(this.error()) === 404);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  private readonly reload$ = new Subject<void>();

  /** Sales read tickets; admin and technicians work them. */
  protected readonly mayWork = computed(() => this.session.user()?.role !== 'sales');
  protected readonly staff = signal<StaffMember[]>([]);
  /** The assignee may be someone no longer in the technician list (an admin): keep him or her selectable. */
  protected readonly assignees = computed(() => {
    const ticket = this.ticket();
    const staff = this.staff();
    if (!ticket?.assigneeId || staff.some((member) => member.id === ticket.assigneeId)) return staff;
    return [...staff, { id: ticket.assigneeId, name: ticket.assigneeName ?? '', role: 'admin' as const }];
  });
  protected readonly saving = signal(false);

  /** The opening hours the SLA clock runs on (without them "due soon" is judged by the wall clock). */
  protected readonly calendar = signal<BusinessCalendar | null>(null);

  protected readonly form = entryForm();
  private readonly formDirective = viewChild(FormGroupDirective);
  private readonly formSignal = signal(this.form);
  protected readonly kind = signal<TicketEntryKind>('note');
  protected readonly posting = signal(false);
  protected readonly postErrors = signal<(() => string)[]>([]);

  constructor() {
    refreshOnFormEvents(this.formSignal);
    applyEntryKind(this.form, 'note');
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => {
      this.kind.set(kind);
      applyEntryKind(this.form, kind);
    });

    const byId = toObservable(this.id).pipe(tap(() => this.ticket.set(null)));
    merge(byId, this.reload$.pipe(map(() => this.id())))
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap((id) =>
          this.api.get(id).pipe(
            map((ticket) => ({ ticket, error: null })),
            catchError((error: unknown) => of({ ticket: null, error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ ticket, error }) => {
        this.loading.set(false);
        this.error.set(error);
        if (ticket) this.ticket.set(ticket);
      });

    this.hoursApi.get().subscribe({ next: (view) => this.calendar.set(view.calendar), error: () => this.calendar.set(null) });
    if (this.mayWork()) this.staffApi.list('technician').subscribe({ next: (staff) => this.staff.set(staff), error: () => this.staff.set([]) });
  }

  reload(): void {
    this.reload$.next();
  }

  /**
   * Status, priority and assignee change as soon as they are picked, based on the ticket's version
   * on screen. If someone else changed the ticket since, nothing is applied: the page shows the
   * ticket as stored now and says so, to choose again.
   */
  protected change(ticket: TicketDetail, change: TicketChange, select?: MatSelect): void {
    this.saving.set(true);
    this.api.update(ticket.id, { ...change, version: ticket.version }).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.ticket.set(updated);
        this.snackBar.open(this.i18n.t('ticket.saved'), undefined, { duration: 2500 });
      },
      error: (error: unknown) => {
        if (!isStaleEdit(error)) {
          this.refused(ticket, change, select, describeError(error, this.i18n));
          return;
        }
        this.api.get(ticket.id).subscribe({
          next: (current) => this.refused(current, change, select, this.i18n.t('staleEdit.quickAction')),
          error: () => this.refused(ticket, change, select, this.i18n.t('staleEdit.quickAction')),
        });
      },
    });
  }

  /** Shows `ticket` (the stored values) again, and says why the choice was not applied. */
  private refused(ticket: TicketDetail, change: TicketChange, select: MatSelect | undefined, message: string): void {
    this.saving.set(false);
    this.ticket.set({ ...ticket });
    // The select's binding may not have changed (the stored value is the same), so it would keep showing the refused choice.
    const field = (Object.keys(change) as Array<keyof TicketChange>)[0];
    if (select && field) select.value = ticket[field];
    this.snackBar.open(message, this.i18n.t('common.close'), { duration: 8000 });
  }

  protected assignToMe(ticket: TicketDetail): void {
    const me = this.session.user();
    if (me) this.change(ticket, { assigneeId: me.id });
  }

  /** Ctrl+Enter (or Cmd+Enter) posts from anywhere in the compose box. */
  protected onComposeKey(event: KeyboardEvent, ticket: TicketDetail): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.post(ticket);
    }
  }

  protected post(ticket: TicketDetail): void {
    if (this.posting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.posting.set(true);
    this.postErrors.set([]);
    this.api.addEntry(ticket.id, entryRequest(this.form)).subscribe({
      next: (updated) => {
        this.posting.set(false);
        this.ticket.set(updated);
        const kind = this.form.controls.kind.value;
        const empty = { kind, body: '', minutes: null, partAction: 'replaced' as const, partName: '' };
        // resetForm() also clears `submitted`: the emptied required fields must not show as errors.
        const directive = this.formDirective();
        if (directive) directive.resetForm(empty);
        else this.form.reset(empty);
        applyEntryKind(this.form, kind);
        this.snackBar.open(this.i18n.t('ticket.entryAdded'), undefined, { duration: 2500 });
      },
      error: (error: unknown) => {
        const unmatched = applyServerErrors(this.form, error);
        this.postErrors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.posting.set(false);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
