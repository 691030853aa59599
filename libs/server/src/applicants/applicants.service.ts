import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applicantConsentText, ApplicantView, computeRetention, DocumentSensitivity, Page, retentionInWords, stockholmDate } from '@privdesk/domain';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError, notFound } from '../core/errors';
import { CustomerRetentionService } from '../customers/customer-retention.service';
import { applyPrivacy, toPrivacy } from '../database/privacy.columns';
import { PeopleService, toPersonView } from '../people/people.service';
import { PoliciesService } from '../policies/policies.service';
import { containsPattern } from '../core/like';
import { ApplicationFields, RegisteredApplicationFields } from './applicant-input';
import { ApplicantDocument } from './applicant-document.entity';
import { Applicant } from './applicant.entity';
import { removeRecords } from '../privacy/records';

export interface UploadedDocument {
  filename: string;
  contentType: string;
  content: Buffer;
  sensitivity?: DocumentSensitivity;
}

/** Who is looking: admins see applications; only recruiting admins open sensitive documents. */
export interface ApplicantViewer {
  id: string;
  recruiter: boolean;
}

/** Job and internship applications (P1, consent). Only admins see them. */
@Injectable()
export class ApplicantsService {
  private readonly logger = new Logger(ApplicantsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly retention: CustomerRetentionService,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
  ) {}

  /** An application from the public form: the consent's exact words and time are kept with it. */
  async apply(fields: ApplicationFields, documents: UploadedDocument[]): Promise<{ received: true }> {
    if (fields.website) {
      this.logger.warn('Application form: honeypot filled in, application dropped');
      return { received: true };
    }
    await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const policy = await this.policies.get('P1', manager);
      const privacy = computeRetention(policy, { eventDate: stockholmDate(now) });
      // An applicant already registered with this address is linked; the form never changes his or her stored details.
      const { person } = await this.people.resolve(
        manager,
        { firstName: fields.firstName, lastName: fields.lastName, email: fields.email, phone: fields.phone ?? null },
        { onMatch: 'link', provisional: privacy, actorId: null },
      );
      const applicant = manager.create(Applicant, {
        personId: person.id,
        position: fields.position,
        submittedAt: now,
        consentText: applicantConsentText(retentionInWords(policy))[fields.language ?? 'sv'],
        consentAt: now,
      });
      applyPrivacy(applicant, privacy);
      const saved = await manager.save(applicant);
      await this.storeDocuments(manager, saved.id, documents);
      await this.retention.recomputePerson(manager, person.id);
      await this.audit.record({ actorId: null, action: 'applicant.received', entityType: 'applicant', entityId: saved.id, fields: ['person', 'position', 'documents'] }, manager);
    });
    return { received: true };
  }

  /**
   * An application that came by e-mail, on paper or through a recruiter, registered by staff with
   * its scanned documents, where it came from and the consent the applicant gave; the deadline
   * runs from the day it was received.
   */
  async register(fields: RegisteredApplicationFields, documents: UploadedDocument[], viewer: ApplicantViewer): Promise<ApplicantView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const privacy = computeRetention(await this.policies.get('P1', manager), { eventDate: fields.receivedOn });
      const { person } = await this.people.resolve(
        manager,
        { firstName: fields.firstName, lastName: fields.lastName, email: fields.email ?? null, phone: fields.phone ?? null },
        { onMatch: 'link', provisional: privacy, actorId: viewer.id },
      );
      const received = new Date(`${fields.receivedOn}T12:00:00Z`);
      const applicant = manager.create(Applicant, {
        personId: person.id,
        position: fields.position,
        submittedAt: received,
        source: fields.source,
        recruiterName: fields.source === 'recruiter' ? (fields.recruiterName ?? null) : null,
        registeredById: viewer.id,
        consentText: fields.consentText,
        consentAt: received,
      });
      applyPrivacy(applicant, privacy);
      const saved = await manager.save(applicant);
      await this.storeDocuments(manager, saved.id, documents);
      await this.retention.recomputePerson(manager, person.id);
      await this.audit.record(
        { actorId: viewer.id, action: 'applicant.registered', entityType: 'applicant', entityId: saved.id, fields: ['person', 'position', 'source', 'consent', 'documents'], details: { source: fields.source, documents: documents.length } },
        manager,
      );
      return saved.id;
    });
    return this.get(id, viewer);
  }

  private async storeDocuments(manager: EntityManager, applicantId: string, documents: UploadedDocument[]): Promise<void> {
    for (const document of documents) {
      await manager.insert(ApplicantDocument, {
        applicantId,
        filename: document.filename,
        contentType: document.contentType,
        size: document.content.length,
        sha256: createHash('sha256').update(document.content).digest('hex'),
        sensitivity: document.sensitivity ?? 'none',
        content: document.content,
      });
    }
  }

  async list(query: { q?: string; page?: number; pageSize?: number }, viewer: ApplicantViewer): Promise<Page<ApplicantView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const builder = this.dataSource.getRepository(Applicant).createQueryBuilder('applicant').innerJoinAndSelect('applicant.person', 'person').leftJoinAndSelect('applicant.documents', 'document');
    const q = query.q?.trim();
    if (q) {
      const like = containsPattern(q);
      builder.andWhere(`(person.first_name || ' ' || person.last_name ILIKE :like OR person.email ILIKE :like OR applicant.position ILIKE :like)`, { like });
    }
    const [applicants, total] = await builder.orderBy('applicant.submitted_at', 'DESC').skip((page - 1) * pageSize).take(pageSize).getManyAndCount();
    return { items: applicants.map((applicant) => toView(applicant, viewer)), total, page, pageSize };
  }

  async get(id: string, viewer: ApplicantViewer): Promise<ApplicantView> {
    const applicant = await this.dataSource.getRepository(Applicant).findOne({ where: { id }, relations: { person: true, documents: true, registeredBy: true } });
    if (!applicant) throw notFound('The application');
    await this.audit.record({ actorId: viewer.id, action: 'applicant.viewed', entityType: 'applicant', entityId: id });
    return toView(applicant, viewer);
  }

  async document(applicantId: string, documentId: string, viewer: ApplicantViewer): Promise<UploadedDocument & { sha256: string }> {
    const document = await this.dataSource
      .getRepository(ApplicantDocument)
      .createQueryBuilder('document')
      .addSelect('document.content')
      .where('document.id = :documentId AND document.applicant_id = :applicantId', { documentId, applicantId })
      .getOne();
    if (!document) throw notFound('The document');
    if (document.sensitivity !== 'none' && !viewer.recruiter) {
      // The refusal is evidence too: who tried to open what.
      await this.audit.record({ actorId: viewer.id, action: 'applicant.document.refused', entityType: 'applicant', entityId: applicantId, fields: ['documents'], details: { documentId, sensitivity: document.sensitivity } });
      throw new DomainError('forbidden', 'Only a recruiting admin may open this document', undefined, { code: 'recruiter_only' });
    }
    await this.audit.record({ actorId: viewer.id, action: 'applicant.document.viewed', entityType: 'applicant', entityId: applicantId, fields: ['documents'], details: { documentId, sensitivity: document.sensitivity } });
    return { filename: document.filename, contentType: document.contentType, content: document.content, sha256: document.sha256 };
  }

  /** Consent withdrawn: the application and its documents go now; the person too unless kept for another reason. */
  async withdrawConsent(id: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const applicant = await manager.findOneBy(Applicant, { id });
      if (!applicant) throw notFound('The application');
      await removeRecords(manager, 'applicant', [id]);
      await this.audit.record({ actorId, action: 'applicant.consent_withdrawn', entityType: 'applicant', entityId: id, fields: ['all'] }, manager);
    });
  }
}

function toView(applicant: Applicant, viewer: ApplicantViewer): ApplicantView {
  return {
    id: applicant.id,
    person: toPersonView(applicant.person),
    position: applicant.position,
    submittedAt: applicant.submittedAt.toISOString(),
    source: applicant.source,
    recruiterName: applicant.recruiterName,
    registeredBy: applicant.registeredBy?.name ?? null,
    consentText: applicant.consentText,
    consentAt: applicant.consentAt.toISOString(),
    documents: (applicant.documents ?? []).map((document) => {
      const restricted = document.sensitivity !== 'none' && !viewer.recruiter;
      return { id: document.id, filename: restricted ? '' : document.filename, contentType: document.contentType, size: document.size, sha256: document.sha256, sensitivity: document.sensitivity, restricted };
    }),
    privacy: toPrivacy(applicant),
  };
}
