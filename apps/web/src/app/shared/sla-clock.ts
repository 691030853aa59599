import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { BusinessCalendar, businessMinutesBetween, isOverdue, SLA_HOURS, SLA_WARNING_SHARE, TicketDetail } from '@privdesk/domain';
import { formatInstant } from '../core/format';
import { TranslatePipe } from '../core/i18n';

export type SlaState = 'paused' | 'overdue' | 'soon' | 'onTime' | 'none';

type SlaTicket = Pick<TicketDetail, 'status' | 'priority' | 'dueAt' | 'overdue' | 'slaPausedSince'>;

/** Without the calendar (it did not load) "soon" is the last two hours before the due time. */
const SOON_WITHOUT_CALENDAR_MS = 2 * 60 * 60_000;

/**
 * Where a ticket's SLA clock stands: paused while it waits for the customer, overdue past its due
 * time, soon when less than a quarter of its open time is left (the share the assignee is warned
 * at), else on time. Resolved and closed tickets have no clock to show.
 */
export function slaState(ticket: SlaTicket, now: Date, calendar: BusinessCalendar | null): SlaState {
  if (ticket.slaPausedSince) return 'paused';
  if (ticket.status !== 'new' && ticket.status !== 'open') return 'none';
  const due = new Date(ticket.dueAt);
  if (ticket.overdue || isOverdue(due, now, ticket.status)) return 'overdue';
  const soon = calendar
    ? businessMinutesBetween(now, due, calendar) < SLA_HOURS[ticket.priority] * 60 * (1 - SLA_WARNING_SHARE)
    : due.getTime() - now.getTime() < SOON_WITHOUT_CALENDAR_MS;
  return soon ? 'soon' : 'onTime';
}

const LABELS = { overdue: 'sla.overdue', soon: 'sla.soon', onTime: 'sla.onTime' } as const;

/** The due time's state in colour and words, beside the due time; re-evaluated every minute. */
@Component({
  selector: 'app-sla-clock',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (state()) {
      @case ('paused') {
        <span class="sla" data-state="paused" data-testid="sla-clock">{{ 'sla.paused' | t: { since: since() } }}</span>
      }
      @case ('none') {}
      @default {
        @if (label(); as label) {
          <span class="sla" [attr.data-state]="state()" data-testid="sla-clock" [attr.title]="state() === 'soon' ? ('sla.soonHint' | t) : null">{{ label | t }}</span>
        }
      }
    }
  `,
  styles: `
    .sla {
      display: inline-block;
      margin-left: 0.35rem;
      padding: 0 0.5em;
      border-radius: 0.4em;
      border: 1px solid transparent;
      font: var(--mat-sys-label-medium);
      line-height: 1.6;
    }
    /* Contrast (text on background): overdue and on-time use the theme's paired roles; soon 9.0:1, paused 8.7:1. */
    [data-state='overdue'] {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
    [data-state='soon'] {
      background: #fff3cd;
      color: #5c3c00;
      border-color: #8a5000;
    }
    [data-state='onTime'] {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      border-color: var(--mat-sys-outline-variant);
    }
    [data-state='paused'] {
      background: #e8eaf6;
      color: #283593;
      border-color: #5c6bc0;
    }
  `,
})
export class SlaClock {
  readonly ticket = input.required<SlaTicket>();
  readonly calendar = input<BusinessCalendar | null>(null);

  private readonly now = signal(new Date());
  protected readonly state = computed(() => slaState(this.ticket(), this.now(), this.calendar()));
  protected readonly label = computed(() => {
    const state = this.state();
    return state === 'paused' || state === 'none' ? null : LABELS[state];
  });
  protected readonly since = computed(() => formatInstant(this.ticket().slaPausedSince));

  constructor() {
    const timer = setInterval(() => this.now.set(new Date()), 60_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
