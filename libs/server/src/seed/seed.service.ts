import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import { UsersService } from '../auth/users.service';
import { Customer } from '../customers/customer.entity';
import { CustomersService } from '../customers/customers.service';
import { addCalendarDays, CreateTicketRequest, QuoteLineInput, stockholmDate, TicketPriority } from '@privdesk/domain';
import { CheckinsService } from '../checkins/checkins.service';
import { AppConfig } from '../core/config';
import { QuotesService } from '../quotes/quotes.service';
import { TicketsService } from '../tickets/tickets.service';
import { plainToInstance } from 'class-transformer';
import { ApplicationFields } from '../applicants/applicant-input';
import { ApplicantsService } from '../applicants/applicants.service';
import { InquiriesService } from '../inquiries/inquiries.service';
import { MarketingContactsService } from '../marketing/marketing-contacts.service';
import { SubjectRequestsService } from '../requests/subject-requests.service';
import { TransparencyService } from '../transparency/transparency.service';
import { DEMO_CHECKINS, DEMO_QUOTES, DEMO_STAFF, DEMO_TICKETS, demoCustomers } from './demo-data';

@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly users: UsersService,
    private readonly customers: CustomersService,
    private readonly tickets: TicketsService,
    private readonly checkins: CheckinsService,
    private readonly quotes: QuotesService,
    private readonly config: AppConfig,
    private readonly marketing: MarketingContactsService,
    private readonly requests: SubjectRequestsService,
    private readonly inquiries: InquiriesService,
    private readonly applicants: ApplicantsService,
    private readonly transparency: TransparencyService,
    @InjectRepository(StaffUser) private readonly staff: Repository<StaffUser>,
    @InjectRepository(Customer) private readonly customerRows: Repository<Customer>,
  ) {}

  /**
   * On an empty database, creates the first admin — with the given password, or a generated one
   * that is returned so the start command can print it once.
   */
  async firstAdmin(email: string, password?: string): Promise<{ email: string; password: string | null } | null> {
    const chosen = password ?? randomBytes(12).toString('base64url');
    const admin = await this.users.createFirstAdmin(email, chosen);
    if (!admin) return null;
    return { email: admin.email, password: password ? null : chosen };
  }

  /** Demo staff and customers, once: nothing happens when customers exist already. */
  async demo(): Promise<void> {
    if ((await this.customerRows.count()) > 0) return;
    const admin = await this.staff.findOneOrFail({ where: { role: 'admin', active: true }, order: { createdAt: 'ASC' } });
    // The demo's first admin recruits, so the demo application's documents can be opened.
    await this.staff.update(admin.id, { recruiter: true });
    for (const member of DEMO_STAFF) {
      if (!(await this.staff.existsBy({ email: member.email }))) await this.users.create(member, admin.id);
    }
    for (const demo of demoCustomers()) {
      const customer = await this.customers.create(
        demo.person ? { type: 'person', person: demo.person } : { type: 'organisation', organisation: demo.organisation },
        admin.id,
      );
      for (const agreement of demo.agreements) await this.customers.addAgreement(customer.id, agreement, admin.id);
      for (const contact of demo.contacts) {
        const created = await this.customers.addContact(customer.id, { person: contact.person, title: contact.title }, admin.id);
        if (contact.leftOn) await this.customers.updateContact(customer.id, created.id, { leftOn: contact.leftOn, version: created.version }, admin.id);
      }
    }
    await this.demoWork(admin);
    await this.demoRights(admin);
    this.logger.log(`Demo data: ${demoCustomers().length} customers, ${DEMO_TICKETS.length} tickets, ${DEMO_CHECKINS.length} check-ins, ${DEMO_QUOTES.length} quotes`);
  }

  /** The company's identity, a few marketing contacts, a question from the web, an application and an open request. */
  private async demoRights(admin: StaffUser): Promise<void> {
    const today = stockholmDate(new Date());
    await this.transparency.updateIdentity(
      { companyName: 'Datorhjälpen Norr AB', orgNumber: '556016-0680', street: 'Storgatan 12', postalCode: '903 25', city: 'Umeå', privacyPhone: '090-12 34 56', privacyEmail: 'integritet@datorhjalpen.example' },
      admin.id,
    );
    await this.marketing.create({ person: { firstName: 'Ella', lastName: 'Eventsson', email: 'ella.eventsson@example.se' }, audience: 'consumer', source: 'event', receivedOn: addCalendarDays(today, -40), consent: true, consentText: 'Ja, jag vill få nyhetsbrev om era tjänster.' }, admin.id);
    await this.marketing.create({ person: { firstName: 'Bengt', lastName: 'Bolagsson', email: 'bengt@bolagsson.example' }, audience: 'business', companyName: 'Bolagsson Bygg AB', source: 'representative', receivedOn: addCalendarDays(today, -10), consent: false }, admin.id);
    await this.inquiries.receive({ name: 'Fredrik Frågvis', email: 'fredrik.fragvis@example.se', message: 'Hej! Kan ni installera om min bärbara dator? Den är väldigt långsam.' });
    await this.applicants.apply(
      plainToInstance(ApplicationFields, { firstName: 'Alva', lastName: 'Ansökan', email: 'alva.ansokan@example.se', position: 'Servicetekniker', consent: 'true', language: 'sv' }),
      [{ filename: 'cv-alva.txt', contentType: 'text/plain', content: Buffer.from('Alva Ansökan — servicetekniker, 5 års erfarenhet.') }],
    );
    await this.requests.create({ kind: 'access', channel: 'email', receivedOn: addCalendarDays(today, -25), requesterName: 'Ella Eventsson', requesterContact: 'ella.eventsson@example.se', identityChecked: false }, admin.id);
  }

  private async demoWork(admin: StaffUser): Promise<void> {
    const technician = await this.staff.findOneByOrFail({ email: DEMO_STAFF[0].email });
    const sales = await this.staff.findOneByOrFail({ email: DEMO_STAFF[1].email });
    const customers = await this.customerRows.find({ relations: { contacts: true }, order: { customerNumber: 'ASC' } });
    const companies = customers.filter((customer) => customer.type === 'organisation' && customer.contacts.length > 0);
    const personOf = (customer: Customer) => customer.personId ?? customer.contacts[0]?.personId ?? null;

    for (const [index, demo] of DEMO_TICKETS.entries()) {
      const customer = companies[index % companies.length];
      const request: CreateTicketRequest = {
        customerId: customer.id,
        requesterId: personOf(customer),
        subject: demo.subject,
        description: demo.description,
        priority: demo.priority as TicketPriority,
        assigneeId: index % 3 === 2 ? null : technician.id,
      };
      const ticket = await this.tickets.create(request, admin);
      if (demo.note) await this.tickets.addEntry(ticket.id, { kind: 'note', body: demo.note }, technician);
    }
    for (const [index, demo] of DEMO_CHECKINS.entries()) {
      const customer = companies[(index + 1) % companies.length];
      await this.checkins.create(
        {
          customerId: customer.id,
          handedInById: personOf(customer) as string,
          deviceType: demo.deviceType,
          make: demo.make,
          model: demo.model,
          serialNumber: demo.serialNumber,
          accessories: demo.accessories,
          condition: demo.condition,
          reportedFault: demo.reportedFault,
          expectedReadyOn: addCalendarDays(stockholmDate(new Date()), 3 + index),
          devicePassword: this.config.DEVICE_PASSWORD_KEY ? demo.password : null,
          assignedTechnicianId: technician.id,
        },
        technician,
      );
    }
    for (const [index, demo] of DEMO_QUOTES.entries()) {
      const customer = customers[(index * 3) % customers.length];
      const quote = await this.quotes.create(
        { customerId: customer.id, holderId: personOf(customer), title: demo.title, validUntil: addCalendarDays(stockholmDate(new Date()), demo.days), lines: demo.lines as unknown as QuoteLineInput[] },
        sales,
      );
      if (demo.outcome === 'won') await this.quotes.win(quote.id, {}, sales);
      if (demo.outcome === 'lost') await this.quotes.lose(quote.id, { reason: 'Valde en annan leverantör' }, sales);
    }
  }
}
