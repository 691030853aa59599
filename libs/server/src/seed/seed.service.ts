import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import { UsersService } from '../auth/users.service';
import { Customer } from '../customers/customer.entity';
import { CustomersService } from '../customers/customers.service';
import { DEMO_STAFF, demoCustomers } from './demo-data';

@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly users: UsersService,
    private readonly customers: CustomersService,
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
        if (contact.leftOn) await this.customers.updateContact(customer.id, created.id, { leftOn: contact.leftOn }, admin.id);
      }
    }
    this.logger.log(`Demo data: ${demoCustomers().length} customers`);
  }
}
