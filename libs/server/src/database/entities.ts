import { AuditEntry } from '../audit/audit-entry.entity';
import { StaffSession } from '../auth/staff-session.entity';
import { StaffUser } from '../auth/staff-user.entity';
import { Agreement } from '../customers/agreement.entity';
import { ContactPerson } from '../customers/contact-person.entity';
import { Customer } from '../customers/customer.entity';
import { Organisation } from '../customers/organisation.entity';
import { Person } from '../people/person.entity';
import { RetentionPolicy } from '../policies/retention-policy.entity';

export const ENTITIES = [StaffUser, StaffSession, AuditEntry, RetentionPolicy, Person, Organisation, Customer, ContactPerson, Agreement];
