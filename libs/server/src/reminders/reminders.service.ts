import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addCalendarDays, CreateServiceWindowRequest, QUEUES, REMINDER_JOBS, ServiceWindowView, stockholmDate, stockholmDateTime } from '@privdesk/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../core/config';
import { invalidField, notFound } from '../core/errors';
import { SuppressionService } from '../marketing/suppression.service';
import { JobOutboxService } from '../outbox/job-outbox.service';
import { MailService } from '../outbox/mail.service';
import { TasksService } from '../tasks/tasks.service';
import { ServiceWindow } from './service-window.entity';
import { mailSignature } from '../transparency/signature';
import { TransparencyService } from '../transparency/transparency.service';

export interface ReminderTally {
  tasks: number;
  mails: number;
  suppressed: number;
}

/**
 * The reminders the business lives on. Each event has an idempotency key, so a job that runs
 * twice (a retry, two workers) makes each task and mail once; marketing mails check the
 * suppression list and carry an opt-out link.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    private readonly mail: MailService,
    private readonly suppression: SuppressionService,
    private readonly jobs: JobOutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly transparency: TransparencyService,
  ) {}

  /** Open quotes whose validity ends within the follow-up window: a task for the owner, a mail to the holder where allowed. */
  async quoteFollowUps(today: string = stockholmDate(new Date())): Promise<ReminderTally> {
    const tally: ReminderTally = { tasks: 0, mails: 0, suppressed: 0 };
    const signature = mailSignature(await this.transparency.identity());
    const quotes: Array<{ id: string; quote_number: number; title: string; valid_until: string; owner_id: string; owner_name: string; holder_id: string | null; first_name: string | null; email: string | null }> =
      await this.dataSource.query(
        `SELECT q.id, q.quote_number, q.title, q.valid_until::text, q.owner_id, su.name AS owner_name, q.holder_id, p.first_name, p.email
           FROM quote q JOIN staff_user su ON su.id = q.owner_id LEFT JOIN person p ON p.id = q.holder_id
          WHERE q.status = 'open' AND q.valid_until BETWEEN $1 AND $2 AND q.anonymised_at IS NULL`,
        [today, addCalendarDays(today, this.config.QUOTE_FOLLOW_UP_DAYS)],
      );
    for (const quote of quotes) {
      const key = `quote-follow-up:${quote.id}:${quote.valid_until}`;
      await this.dataSource.transaction(async (manager) => {
        const created = await this.tasks.add(
          {
            assigneeId: quote.owner_id,
            kind: 'quote_follow_up',
            title: `Följ upp offert #${quote.quote_number} (giltig t.o.m. ${quote.valid_until})`,
            link: `/quotes/${quote.id}`,
            recordId: quote.id,
            idempotencyKey: key,
            dueAt: new Date(`${quote.valid_until}T12:00:00Z`),
          },
          manager,
        );
        if (created) tally.tasks++;
        if (!quote.email) return;
        // A follow-up is direct marketing: never to someone who objected.
        if (await this.suppression.isSuppressed(quote.email, manager)) {
          tally.suppressed++;
          return;
        }
        const optOut = await this.suppression.optOutLink(quote.email, manager);
        const queued = await this.mail.queue(
          {
            idempotencyKey: `${key}:holder`,
            to: quote.email,
            sentFor: 'P2',
            personId: quote.holder_id,
            record: { type: 'quote', id: quote.id },
            subject: `Vår offert #${quote.quote_number} gäller till ${quote.valid_until}`,
            body:
              `Hej ${quote.first_name ?? ''},\n\nVår offert "${quote.title}" (#${quote.quote_number}) gäller till och med ${quote.valid_until}. ` +
              `Hör av dig om du har frågor eller vill ha en uppdaterad offert.\n\nVänliga hälsningar\n${quote.owner_name}\n${signature}\n\n` +
              `Vill du inte få fler utskick från oss? Avregistrera dig: ${optOut}`,
          },
          manager,
        );
        if (queued) tally.mails++;
      });
    }
    return tally;
  }

  /** Tickets past their warning time (¾ of the SLA's open time, set with the due time): a task and a mail for the assignee, once per due time; none while waiting for the customer. */
  async ticketSla(now: Date = new Date()): Promise<ReminderTally> {
    const tally: ReminderTally = { tasks: 0, mails: 0, suppressed: 0 };
    const tickets: Array<{ id: string; ticket_number: number; subject: string; due_at: Date; assignee_id: string; email: string }> = await this.dataSource.query(
      `SELECT t.id, t.ticket_number, t.subject, t.due_at, t.assignee_id, su.email
         FROM ticket t JOIN staff_user su ON su.id = t.assignee_id AND su.active
        WHERE t.status IN ('new', 'open') AND t.due_at > $1::timestamptz - interval '7 days' AND t.warn_at <= $1::timestamptz`,
      [now],
    );
    for (const ticket of tickets) {
      const key = `ticket-due:${ticket.id}:${ticket.due_at.toISOString()}`;
      const due = stockholmDateTime(ticket.due_at);
      await this.dataSource.transaction(async (manager) => {
        const created = await this.tasks.add(
          { assigneeId: ticket.assignee_id, kind: 'ticket_due', title: `Ärende #${ticket.ticket_number} ska vara klart ${due}`, link: `/tickets/${ticket.id}`, recordId: ticket.id, idempotencyKey: key, dueAt: ticket.due_at },
          manager,
        );
        if (created) tally.tasks++;
        const queued = await this.mail.queue(
          {
            idempotencyKey: key,
            to: ticket.email,
            sentFor: 'P4',
            record: { type: 'ticket', id: ticket.id },
            subject: `Ärende #${ticket.ticket_number} närmar sig sin tidsgräns (${due})`,
            body: `Ärende #${ticket.ticket_number} "${ticket.subject}" ska vara klart ${due}.\n${this.config.PUBLIC_URL.replace(/\/$/, '')}/tickets/${ticket.id}`,
          },
          manager,
        );
        if (queued) tally.mails++;
      });
    }
    return tally;
  }

  // --- service windows --------------------------------------------------------------------------

  async announce(request: CreateServiceWindowRequest, actorId: string): Promise<ServiceWindowView> {
    const startsAt = new Date(request.startsAt);
    const endsAt = new Date(request.endsAt);
    if (endsAt <= startsAt) throw invalidField('endsAt', 'The window must end after it starts');
    const id = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(ServiceWindow, { kind: request.kind, title: request.title, message: request.message, startsAt, endsAt, announcedById: actorId }));
      await this.jobs.enqueue(manager, QUEUES.reminders, REMINDER_JOBS.serviceWindow, { windowId: saved.id });
      await this.audit.record({ actorId, action: 'service_window.announced', entityType: 'service_window', entityId: saved.id, fields: ['title', 'message', 'startsAt', 'endsAt'] }, manager);
      return saved.id;
    });
    void this.jobs.relay();
    return this.get(id);
  }

  async list(): Promise<ServiceWindowView[]> {
    const windows = await this.dataSource.getRepository(ServiceWindow).find({ relations: { announcedBy: true }, order: { startsAt: 'DESC' }, take: 100 });
    return windows.map(toView);
  }

  async get(id: string): Promise<ServiceWindowView> {
    const window = await this.dataSource.getRepository(ServiceWindow).findOne({ where: { id }, relations: { announcedBy: true } });
    if (!window) throw notFound('The service window');
    return toView(window);
  }

  /**
   * Mails the window to every contact of the customers whose agreements run when it starts:
   * person customers themselves and current contact persons of companies. Each address once.
   * Part of the agreement (P3), so not marketing: the suppression list does not apply.
   */
  async mailWindow(windowId: string): Promise<number> {
    const window = await this.dataSource.getRepository(ServiceWindow).findOneBy({ id: windowId });
    if (!window) return 0;
    const day = stockholmDate(window.startsAt);
    const recipients: Array<{ id: string; email: string; first_name: string }> = await this.dataSource.query(
      `SELECT DISTINCT ON (lower(p.email)) p.id, p.email, p.first_name
         FROM customer c
         JOIN person p ON p.id = c.person_id OR p.id IN (SELECT cp.person_id FROM contact_person cp WHERE cp.customer_id = c.id AND (cp.left_on IS NULL OR cp.left_on > $1))
        WHERE c.anonymised_at IS NULL AND p.email IS NOT NULL AND p.anonymised_at IS NULL
          AND EXISTS (SELECT 1 FROM agreement a WHERE a.customer_id = c.id AND a.start_date <= $1 AND (a.end_date IS NULL OR a.end_date >= $1))
        ORDER BY lower(p.email)`,
      [day],
    );
    const kind = window.kind === 'system_update' ? 'Systemuppdatering' : 'Servicefönster';
    const signature = mailSignature(await this.transparency.identity());
    let queued = 0;
    await this.dataSource.transaction(async (manager) => {
      for (const recipient of recipients) {
        const added = await this.mail.queue(
          {
            idempotencyKey: `service-window:${window.id}:${recipient.email.toLowerCase()}`,
            to: recipient.email,
            sentFor: 'P4',
            personId: recipient.id,
            subject: `${kind}: ${window.title} (${stockholmDateTime(window.startsAt)}–${stockholmDateTime(window.endsAt)})`,
            body: `Hej ${recipient.first_name},\n\n${window.message}\n\nTid: ${stockholmDateTime(window.startsAt)} – ${stockholmDateTime(window.endsAt)}\n\nDu får detta meddelande eftersom ni har ett serviceavtal med oss.\n\n${signature}`,
          },
          manager,
        );
        if (added) queued++;
      }
      await manager.update(ServiceWindow, window.id, { recipients: recipients.length });
    });
    this.logger.log(`Service window ${window.id}: ${queued} new mails for ${recipients.length} recipients`);
    return queued;
  }
}

function toView(window: ServiceWindow): ServiceWindowView {
  return {
    id: window.id,
    kind: window.kind,
    title: window.title,
    message: window.message,
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
    createdAt: window.createdAt.toISOString(),
    announcedByName: window.announcedBy?.name ?? '—',
    recipients: window.recipients,
  };
}
