import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { computeRetention, ConvertInquiry, CreateInquiry, InquiryStatus, InquiryView, Page, stockholmDate } from '@privdesk/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { StaffUser } from '../auth/staff-user.entity';
import { DomainError, invalidField, notFound } from '../core/errors';
import { CustomerRetentionService } from '../customers/customer-retention.service';
import { Customer } from '../customers/customer.entity';
import { CustomersService } from '../customers/customers.service';
import { PeopleService } from '../people/people.service';
import { applyPrivacy, toPrivacy } from '../database/privacy.columns';
import { PoliciesService } from '../policies/policies.service';
import { TasksService } from '../tasks/tasks.service';
import { TicketsService } from '../tickets/tickets.service';
import { containsPattern } from '../core/like';
import { Inquiry } from './inquiry.entity';

@Injectable()
export class InquiriesService {
  private readonly logger = new Logger(InquiriesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly people: PeopleService,
    private readonly retention: CustomerRetentionService,
    private readonly policies: PoliciesService,
    private readonly tickets: TicketsService,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
  ) {}

  /** The public contact form. A filled-in honeypot is thanked like anyone else, and dropped. */
  async receive(input: CreateInquiry): Promise<{ received: true }> {
    if (input.website) {
      this.logger.warn('Contact form: honeypot filled in, message dropped');
      return { received: true };
    }
    const [firstName, ...rest] = input.name.trim().split(/\s+/);
    await this.dataSource.transaction(async (manager) => {
      const privacy = computeRetention(await this.policies.get('P8', manager), { eventDate: stockholmDate(new Date()) });
      // Someone already registered with this address is linked; the form never changes his or her stored details.
      const { person } = await this.people.resolve(
        manager,
        { firstName, lastName: rest.join(' ') || '-', email: input.email, phone: input.phone ?? null },
        { onMatch: 'link', provisional: privacy, actorId: null },
      );
      const inquiry = manager.create(Inquiry, { personId: person.id, message: input.message, status: 'new' as InquiryStatus });
      applyPrivacy(inquiry, privacy);
      const saved = await manager.save(inquiry);
      await this.retention.recomputePerson(manager, person.id);
      await this.audit.record({ actorId: null, action: 'inquiry.received', entityType: 'inquiry', entityId: saved.id, fields: ['name', 'email', 'message'] }, manager);
    });
    return { received: true };
  }

  async list(query: { status?: InquiryStatus; q?: string; page?: number; pageSize?: number }): Promise<Page<InquiryView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const builder = this.dataSource.getRepository(Inquiry).createQueryBuilder('inquiry').innerJoinAndSelect('inquiry.person', 'person');
    if (query.status) builder.andWhere('inquiry.status = :status', { status: query.status });
    const q = query.q?.trim();
    if (q) {
      const like = containsPattern(q);
      builder.andWhere(`(person.first_name || ' ' || person.last_name ILIKE :like OR person.email ILIKE :like OR inquiry.message ILIKE :like)`, { like });
    }
    const [inquiries, total] = await builder.orderBy('inquiry.received_at', 'DESC').offset((page - 1) * pageSize).limit(pageSize).getManyAndCount();
    return { items: inquiries.map(toView), total, page, pageSize };
  }

  async get(id: string): Promise<InquiryView> {
    const inquiry = await this.dataSource.getRepository(Inquiry).findOne({ where: { id }, relations: { person: true } });
    if (!inquiry) throw notFound('The inquiry');
    return toView(inquiry);
  }

  /**
   * One click: a ticket (for the given customer, or the sender as a new person customer), or a
   * lead — a follow-up task for the colleague who took it; the inquiry keeps its own deadline.
   */
  async convert(id: string, request: ConvertInquiry, actor: StaffUser): Promise<InquiryView> {
    const inquiry = await this.dataSource.getRepository(Inquiry).findOne({ where: { id }, relations: { person: true } });
    if (!inquiry) throw notFound('The inquiry');
    if (inquiry.status !== 'new') throw new DomainError('conflict', `The inquiry has been handled already (${inquiry.status})`);
    if (request.to === 'lead') {
      await this.dataSource.transaction(async (manager) => {
        await this.tasks.add(
          { assigneeId: actor.id, kind: 'inquiry_lead', title: `Kontakta intressenten från förfrågan #${inquiry.inquiryNumber}`, link: `/inquiries/${id}`, recordId: id, idempotencyKey: `inquiry-lead:${id}` },
          manager,
        );
        await manager.update(Inquiry, id, { status: 'lead' });
        await this.audit.record({ actorId: actor.id, action: 'inquiry.lead', entityType: 'inquiry', entityId: id, fields: ['status'] }, manager);
      });
      return this.get(id);
    }
    let customerId = request.customerId ?? null;
    if (customerId) {
      if (!(await this.dataSource.getRepository(Customer).existsBy({ id: customerId }))) throw invalidField('customerId', 'No such customer');
    } else {
      const existing = await this.dataSource.getRepository(Customer).findOneBy({ personId: inquiry.personId });
      customerId = existing?.id ?? (await this.dataSource.transaction((manager) => this.customers.createPersonCustomerIn(manager, inquiry.personId, actor.id)));
    }
    const customer = await this.dataSource.getRepository(Customer).findOneByOrFail({ id: customerId });
    const requesterId = customer.personId === inquiry.personId ? inquiry.personId : null;
    const ticket = await this.tickets.create(
      { customerId, requesterId, subject: `Fråga från kontaktformuläret (#${inquiry.inquiryNumber})`, description: inquiry.message, priority: 'normal' },
      actor,
    );
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Inquiry, id, { status: 'ticket', ticketId: ticket.id, customerId });
      await this.audit.record({ actorId: actor.id, action: 'inquiry.ticket', entityType: 'inquiry', entityId: id, fields: ['status', 'ticketId'] }, manager);
    });
    return this.get(id);
  }
}

function toView(inquiry: Inquiry): InquiryView {
  return {
    id: inquiry.id,
    inquiryNumber: inquiry.inquiryNumber,
    personId: inquiry.personId,
    name: `${inquiry.person.firstName} ${inquiry.person.lastName === '-' ? '' : inquiry.person.lastName}`.trim(),
    email: inquiry.person.email,
    phone: inquiry.person.phone,
    message: inquiry.message,
    receivedAt: inquiry.receivedAt.toISOString(),
    status: inquiry.status,
    ticketId: inquiry.ticketId,
    customerId: inquiry.customerId,
    privacy: toPrivacy(inquiry),
  };
}
