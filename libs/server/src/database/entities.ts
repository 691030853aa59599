import { AuditEntry } from '../audit/audit-entry.entity';
import { StaffSession } from '../auth/staff-session.entity';
import { StaffUser } from '../auth/staff-user.entity';
import { Agreement } from '../customers/agreement.entity';
import { ContactPerson } from '../customers/contact-person.entity';
import { Customer } from '../customers/customer.entity';
import { Organisation } from '../customers/organisation.entity';
import { Person } from '../people/person.entity';
import { JobOutbox } from '../outbox/job-outbox.entity';
import { OutboxEmail } from '../outbox/outbox-email.entity';
import { RetentionPolicy } from '../policies/retention-policy.entity';
import { CertificateEntry } from '../retention/certificate-entry.entity';
import { DeletionCertificate } from '../retention/deletion-certificate.entity';
import { DispositionReview } from '../retention/disposition-review.entity';
import { LegalHold } from '../retention/legal-hold.entity';
import { RetentionTask } from '../retention/retention-task.entity';
import { InstallationSetting } from '../settings/installation-setting.entity';

export const ENTITIES = [
  StaffUser,
  StaffSession,
  AuditEntry,
  RetentionPolicy,
  Person,
  Organisation,
  Customer,
  ContactPerson,
  Agreement,
  RetentionTask,
  DeletionCertificate,
  CertificateEntry,
  LegalHold,
  DispositionReview,
  JobOutbox,
  OutboxEmail,
  InstallationSetting,
];
