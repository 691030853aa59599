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
import { DeviceCheckin } from '../checkins/device-checkin.entity';
import { MarketingSuppression } from '../marketing/marketing-suppression.entity';
import { QuoteLine } from '../quotes/quote-line.entity';
import { Quote } from '../quotes/quote.entity';
import { ServiceWindow } from '../reminders/service-window.entity';
import { StaffTask } from '../tasks/staff-task.entity';
import { TicketEntry } from '../tickets/ticket-entry.entity';
import { ApplicantDocument } from '../applicants/applicant-document.entity';
import { Applicant } from '../applicants/applicant.entity';
import { Inquiry } from '../inquiries/inquiry.entity';
import { MarketingContact } from '../marketing/marketing-contact.entity';
import { PartnerContact } from '../partners/partner-contact.entity';
import { SubjectRequest } from '../requests/subject-request.entity';
import { CookieEntry } from '../transparency/cookie-entry.entity';
import { Recipient } from '../transparency/recipient.entity';
import { Ticket } from '../tickets/ticket.entity';

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
  DeviceCheckin,
  Ticket,
  TicketEntry,
  Quote,
  QuoteLine,
  StaffTask,
  MarketingSuppression,
  ServiceWindow,
  SubjectRequest,
  MarketingContact,
  Applicant,
  ApplicantDocument,
  Inquiry,
  Recipient,
  CookieEntry,
  PartnerContact,
];
