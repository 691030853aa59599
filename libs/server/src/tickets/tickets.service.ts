import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AddTicketEntryRequest,
  computeRetention,
  CreateTicketRequest,
  isOverdue,
  LegalBasis,
  Page,
  Role,
  BusinessCalendar,
  pausedMinutes,
  slaDueAt,
  slaWarnAt,
  stockholmDate,
  TicketDetail,
  TicketListItem,
  TicketPriority,
  TicketQuery,
  TicketStatus,
  UpdateTicketRequest,
} from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { StaffUser } from '../auth/staff-user.entity';
import { applyChanges } from '../core/apply-changes';
import { DomainError, invalidField, notFound } from '../core/errors';
import { checkVersion } from '../core/versions';
import { ContactPerson } from '../customers/contact-person.entity';
import { CustomerRetentionService } from '../customers/customer-retention.service';
import { Customer } from '../customers/customer.entity';
import { DeviceCheckin } from '../checkins/device-checkin.entity';
import { applyPrivacy, toPrivacy } from '../database/privacy.columns';
import { PoliciesService } from '../policies/policies.service';
import { BusinessCalendarService } from './business-calendar.service';
import { TicketEntry } from './ticket-entry.entity';
import { Ticket } from './ticket.entity';
import { runTicketList, TicketListRow } from './ticket-list.sql';

/** Who reads internal troubleshooting notes: the people who do the work. */
export const READS_INTERNAL_NOTES: readonly Role[] = ['admin', 'technician'];

@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PoliciesService,
    private readonly retention: CustomerRetentionService,
    private readonly audit: AuditService,
    private readonly calendars: BusinessCalendarService,
  ) {}

  async list(query: TicketQuery, viewer: StaffUser): Promise<Page<TicketListItem>> {
    const searcher = { id: viewer.id, readsInternalNotes: READS_INTERNAL_NOTES.includes(viewer.role) };
    const { rows, total, capped } = await runTicketList(query, searcher, (sql, params) => this.dataSource.query(sql, params));
    const now = new Date();
    return { items: rows.map((row) => toListItem(row, now)), total, page: query.page ?? 1, pageSize: query.pageSize ?? 25, ...(capped ? { capped } : {}) };
  }

  async get(id: string, viewer: StaffUser): Promise<TicketDetail> {
    const ticket = await this.dataSource.getRepository(Ticket).findOne({
      where: { id },
      relations: { customer: { person: true, organisation: true }, requester: true, assignee: true, checkin: true, entries: { author: true } },
      order: { entries: { createdAt: 'ASC' } },
    });
    if (!ticket) throw notFound('The ticket');
    const internalNotesHidden = !READS_INTERNAL_NOTES.includes(viewer.role);
    const entries = ticket.entries.filter((entry) => !internalNotesHidden || entry.kind !== 'note');
    const customer = ticket.customer;
    return {
      ...toListItem(
        {
          ...rowOf(ticket),
          customer_number: customer.customerNumber,
          customer_name: customer.organisation?.name ?? `${customer.person?.firstName} ${customer.person?.lastName}`,
          requester_name: ticket.requester ? `${ticket.requester.firstName} ${ticket.requester.lastName}` : null,
          assignee_name: ticket.assignee?.name ?? null,
        },
        new Date(),
      ),
      description: ticket.description,
      requesterId: ticket.requesterId,
      checkinId: ticket.checkinId,
      checkinNumber: ticket.checkin?.checkinNumber ?? null,
      deviceLabel: ticket.checkin ? `${ticket.checkin.make} ${ticket.checkin.model}` : null,
      internalNotesHidden,
      slaPausedSince: ticket.slaPausedAt?.toISOString() ?? null,
      version: ticket.version,
      totalMinutes: ticket.entries.reduce((sum, entry) => sum + (entry.minutes ?? 0), 0),
      entries: entries.map((entry) => ({
        id: entry.id,
        kind: entry.kind,
        body: entry.body,
        minutes: entry.minutes,
        partAction: entry.partAction,
        partName: entry.partName,
        authorName: entry.author?.name ?? '—',
        createdAt: entry.createdAt.toISOString(),
      })),
    };
  }

  async create(request: CreateTicketRequest, actor: StaffUser): Promise<TicketDetail> {
    const id = await this.dataSource.transaction(async (manager) => {
      const customer = await manager.findOneBy(Customer, { id: request.customerId });
      if (!customer) throw invalidField('customerId', 'No such customer');
      if (request.requesterId) await this.checkRequester(manager, customer, request.requesterId);
      if (request.assigneeId) await this.checkAssignee(manager, request.assigneeId);
      if (request.checkinId && !(await manager.existsBy(DeviceCheckin, { id: request.checkinId, customerId: customer.id }))) {
        throw invalidField('checkinId', 'No such check-in for this customer');
      }
      const now = new Date();
      const ticket = manager.create(Ticket, {
        customerId: customer.id,
        requesterId: request.requesterId ?? null,
        subject: request.subject,
        description: request.description,
        priority: request.priority,
        status: 'new' as TicketStatus,
        assigneeId: request.assigneeId ?? null,
        slaPausedMinutes: 0,
        slaPausedAt: null,
        checkinId: request.checkinId ?? null,
        createdById: actor.id,
        createdAt: now,
      });
      setSlaTimes(ticket, await this.calendars.get(manager));
      // Provisional; the customer's recomputation below sets the deadline from the agreements.
      applyPrivacy(ticket, computeRetention(await this.policies.get('P4', manager), { eventDate: stockholmDate(now), agreements: [] }));
      const saved = await manager.save(ticket);
      await this.retention.recompute(manager, customer.id);
      await this.audit.record({ actorId: actor.id, action: 'ticket.created', entityType: 'ticket', entityId: saved.id, fields: Object.keys(request) }, manager);
      return saved.id;
    });
    return this.get(id, actor);
  }

  async update(id: string, request: UpdateTicketRequest, actor: StaffUser): Promise<TicketDetail> {
    await this.dataSource.transaction(async (manager) => {
      const ticket = await manager.findOne(Ticket, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!ticket) throw notFound('The ticket');
      checkVersion('The ticket', ticket.version, request.version);
      if (request.assigneeId) await this.checkAssignee(manager, request.assigneeId);
      if (request.requesterId) await this.checkRequester(manager, await manager.findOneByOrFail(Customer, { id: ticket.customerId }), request.requesterId);
      const previous = { status: ticket.status, priority: ticket.priority, assigneeId: ticket.assigneeId };
      const changed = applyChanges(ticket, request, ['subject', 'description', 'status', 'priority', 'assigneeId', 'requesterId']);
      if (!changed.length) return;
      // Waiting for the customer stops the clock; the open minutes waited are added when work resumes.
      const waitEnds = ticket.status !== 'waiting' && ticket.slaPausedAt !== null;
      if (ticket.status === 'waiting' && !ticket.slaPausedAt) ticket.slaPausedAt = new Date();
      if (changed.includes('priority') || waitEnds) {
        const calendar = await this.calendars.get(manager);
        if (ticket.slaPausedAt && waitEnds) {
          ticket.slaPausedMinutes += pausedMinutes(ticket.slaPausedAt, new Date(), calendar);
          ticket.slaPausedAt = null;
        }
        // The due time runs from registration: only a new priority or a finished wait moves it.
        setSlaTimes(ticket, calendar);
      }
      ticket.version += 1;
      await manager.save(ticket);
      if (changed.includes('requesterId')) await this.retention.recompute(manager, ticket.customerId);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'ticket.updated',
          entityType: 'ticket',
          entityId: ticket.id,
          fields: changed,
          details: { before: previous, after: { status: ticket.status, priority: ticket.priority, assigneeId: ticket.assigneeId } },
        },
        manager,
      );
    });
    return this.get(id, actor);
  }

  async addEntry(id: string, request: AddTicketEntryRequest, actor: StaffUser): Promise<TicketDetail> {
    await this.dataSource.transaction(async (manager) => {
      const ticket = await manager.findOne(Ticket, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!ticket) throw notFound('The ticket');
      if (ticket.status === 'closed') throw new DomainError('conflict', 'The ticket is closed: reopen it to add entries');
      await manager.insert(TicketEntry, {
        ticketId: id,
        kind: request.kind,
        body: request.body ?? '',
        minutes: request.minutes ?? null,
        partAction: request.kind === 'part' ? (request.partAction ?? null) : null,
        partName: request.kind === 'part' ? (request.partName ?? null) : null,
        authorId: actor.id,
      });
      // Work on a new ticket opens it.
      if (ticket.status === 'new') await manager.update(Ticket, id, { status: 'open' });
      else await manager.update(Ticket, id, { updatedAt: new Date() });
      await this.audit.record({ actorId: actor.id, action: `ticket.entry.${request.kind}`, entityType: 'ticket', entityId: id, fields: ['entries'] }, manager);
    });
    return this.get(id, actor);
  }

  private async checkRequester(manager: EntityManager, customer: Customer, personId: string): Promise<void> {
    const ofCustomer = customer.personId === personId || (await manager.existsBy(ContactPerson, { customerId: customer.id, personId }));
    if (!ofCustomer) throw invalidField('requesterId', "The requester must be the customer or one of the customer's contact persons");
  }

  private async checkAssignee(manager: EntityManager, staffId: string): Promise<void> {
    const staff = await manager.findOneBy(StaffUser, { id: staffId });
    if (!staff || !staff.active || staff.role === 'sales') throw invalidField('assigneeId', 'Assign the ticket to an active technician or admin');
  }
}

function rowOf(ticket: Ticket): Omit<TicketListRow, 'customer_number' | 'customer_name' | 'requester_name' | 'assignee_name'> {
  const privacy = toPrivacy(ticket);
  return {
    id: ticket.id,
    ticket_number: ticket.ticketNumber,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    customer_id: ticket.customerId,
    assignee_id: ticket.assigneeId,
    due_at: ticket.dueAt,
    created_at: ticket.createdAt,
    updated_at: ticket.updatedAt,
    purpose: privacy.purpose,
    legal_basis: privacy.legalBasis,
    retain_until: privacy.retainUntil,
    retention_rule: privacy.rule,
    retention_rule_sv: privacy.ruleSv,
  };
}

export function toListItem(row: TicketListRow, now: Date): TicketListItem {
  return {
    id: row.id,
    ticketNumber: row.ticket_number,
    subject: row.subject,
    status: row.status as TicketStatus,
    priority: row.priority as TicketPriority,
    customerId: row.customer_id,
    customerNumber: row.customer_number,
    customerName: row.customer_name,
    requesterName: row.requester_name,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    dueAt: row.due_at.toISOString(),
    overdue: isOverdue(row.due_at, now, row.status),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    privacy: { purpose: row.purpose, legalBasis: row.legal_basis as LegalBasis, retainUntil: row.retain_until, rule: row.retention_rule, ruleSv: row.retention_rule_sv },
  };
}

/** Due and warning times from registration, the priority's open hours and the time waited for the customer. */
function setSlaTimes(ticket: Ticket, calendar: BusinessCalendar): void {
  const clock = { registeredAt: ticket.createdAt, priority: ticket.priority as TicketPriority, pausedMinutes: ticket.slaPausedMinutes };
  ticket.dueAt = slaDueAt(clock, calendar);
  ticket.warnAt = slaWarnAt(clock, calendar);
}
