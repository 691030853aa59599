import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErasureResult,
  addCalendarDays,
  addCalendarMonths,
  AnswerSubjectRequest,
  computeRetention,
  CreateSubjectRequest,
  Page,
  stockholmDate,
  SubjectRequestQuery,
  SubjectRequestView,
  UpdateSubjectRequest,
} from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { applyChanges } from '../core/apply-changes';
import { DomainError, invalidField, notFound } from '../core/errors';
import { checkVersion } from '../core/versions';
import { applyPrivacy, toPrivacy } from '../database/privacy.columns';
import { MailService } from '../outbox/mail.service';
import { Person } from '../people/person.entity';
import { PoliciesService } from '../policies/policies.service';
import { StaffUser } from '../auth/staff-user.entity';
import { containsPattern } from '../core/like';
import { SubjectRequest } from './subject-request.entity';

/** GDPR Art. 12(3): one month to answer, extendable by two more with a reason. */
export const ANSWER_MONTHS = 1;
export const EXTENSION_MONTHS = 2;

@Injectable()
export class SubjectRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  /** Open requests first, the most urgent deadline first (overdue, then due this week, …). */
  async list(query: SubjectRequestQuery): Promise<Page<SubjectRequestView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const builder = this.dataSource.getRepository(SubjectRequest).createQueryBuilder('request').leftJoinAndSelect('request.person', 'person').leftJoinAndSelect('request.createdBy', 'createdBy');
    if (query.status) builder.andWhere('request.status = :status', { status: query.status });
    const q = query.q?.trim();
    if (q) {
      const like = containsPattern(q);
      builder.andWhere(`(request.requester_name ILIKE :like OR person.first_name || ' ' || person.last_name ILIKE :like OR request.request_number::text = :q)`, { like, q: q.replace('#', '') });
    }
    const [requests, total] = await builder
      .orderBy(`CASE WHEN request.status = 'open' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('coalesce(request.extended_due_on, request.due_on)', 'ASC')
      .addOrderBy('request.request_number', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    const today = stockholmDate(new Date());
    return { items: requests.map((request) => toView(request, today)), total, page, pageSize };
  }

  async get(id: string): Promise<SubjectRequestView> {
    const request = await this.dataSource.getRepository(SubjectRequest).findOne({ where: { id }, relations: { person: true, createdBy: true } });
    if (!request) throw notFound('The request');
    return toView(request, stockholmDate(new Date()));
  }

  async create(input: CreateSubjectRequest, actorId: string): Promise<SubjectRequestView> {
    if (input.receivedOn > stockholmDate(new Date())) throw invalidField('receivedOn', 'A request cannot be received in the future');
    const id = await this.dataSource.transaction(async (manager) => {
      if (input.personId && !(await manager.existsBy(Person, { id: input.personId }))) throw invalidField('personId', 'No such person');
      const request = manager.create(SubjectRequest, {
        kind: input.kind,
        channel: input.channel,
        receivedOn: input.receivedOn,
        personId: input.personId ?? null,
        requesterName: input.requesterName,
        requesterContact: input.requesterContact ?? null,
        identityChecked: input.identityChecked,
        identityMethod: input.identityMethod ?? null,
        notes: input.notes ?? null,
        dueOn: addCalendarMonths(input.receivedOn, ANSWER_MONTHS),
        createdById: actorId,
      });
      applyPrivacy(request, computeRetention(await this.policies.get('A2', manager), { eventDate: input.receivedOn }));
      const saved = await manager.save(request);
      await this.audit.record({ actorId, action: 'subject_request.created', entityType: 'subject_request', entityId: saved.id, fields: Object.keys(input) }, manager);
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: string, input: UpdateSubjectRequest, actorId: string): Promise<SubjectRequestView> {
    await this.dataSource.transaction(async (manager) => {
      const request = await this.lock(manager, id);
      checkVersion('The request', request.version, input.version);
      if (input.personId && !(await manager.existsBy(Person, { id: input.personId }))) throw invalidField('personId', 'No such person');
      const changed = applyChanges(request, input, ['personId', 'identityChecked', 'identityMethod', 'notes']);
      if (!changed.length) return;
      request.version += 1;
      await manager.save(request);
      await this.audit.record({ actorId, action: 'subject_request.updated', entityType: 'subject_request', entityId: id, fields: changed }, manager);
    });
    return this.get(id);
  }

  /** Extends the deadline by two months, once, with a reason the answer letter repeats. */
  async extend(id: string, reason: string, actorId: string): Promise<SubjectRequestView> {
    await this.dataSource.transaction(async (manager) => {
      const request = await this.lock(manager, id);
      if (request.status !== 'open') throw new DomainError('conflict', 'Only open requests can be extended');
      if (request.extendedDueOn) throw new DomainError('conflict', 'The request has been extended already; the law allows one extension of two months');
      await manager.update(SubjectRequest, id, { extendedDueOn: addCalendarMonths(request.dueOn, EXTENSION_MONTHS), extensionReason: reason });
      await this.audit.record({ actorId, action: 'subject_request.extended', entityType: 'subject_request', entityId: id, fields: ['extendedDueOn', 'extensionReason'] }, manager);
    });
    return this.get(id);
  }

  async answer(id: string, input: AnswerSubjectRequest, actorId: string): Promise<SubjectRequestView> {
    await this.dataSource.transaction(async (manager) => {
      const request = await this.lock(manager, id);
      if (request.status !== 'open') throw new DomainError('conflict', 'The request has been answered already');
      if (!request.identityChecked && input.status === 'answered' && request.kind !== 'objection') {
        throw invalidField('identityChecked', 'Check the person’s identity before answering (or reject the request)');
      }
      await manager.update(SubjectRequest, id, { status: input.status, answer: input.answer, answeredOn: stockholmDate(new Date()) });
      await this.audit.record({ actorId, action: `subject_request.${input.status}`, entityType: 'subject_request', entityId: id, fields: ['status', 'answer'] }, manager);
    });
    return this.get(id);
  }

  /** The request an erasure answers: it must exist, be open, and the person's identity must have been checked. */
  async lockOpen(manager: EntityManager, id: string): Promise<SubjectRequest> {
    const request = await manager.findOne(SubjectRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!request) throw invalidField('requestId', 'No such request');
    if (request.status !== 'open') throw new DomainError('conflict', 'The request has been answered already');
    if (!request.identityChecked) throw invalidField('identityChecked', 'Check the person’s identity before erasing (or reject the request)');
    return request;
  }

  /**
   * The erasure carried out answers its request: answered today, the letter's paragraph as the
   * answer, the counts in the notes (no personal data), and no link to a person who may be gone.
   */
  async completeWithErasure(manager: EntityManager, id: string, result: ErasureResult, actorId: string): Promise<void> {
    const request = await this.lockOpen(manager, id);
    const today = stockholmDate(new Date());
    const kept = result.kept.filter((item) => item.outcome === 'keep').length;
    const summary = `Radering utförd ${today}: ${result.erased} raderade, ${result.anonymised} anonymiserade, ${kept} sparade oförändrade. / Erasure carried out ${today}: ${result.erased} erased, ${result.anonymised} anonymised, ${kept} kept as they are.`;
    await manager.update(SubjectRequest, id, {
      status: 'answered',
      answer: [request.answer, result.letter.sv, result.letter.en].filter(Boolean).join('\n\n'),
      answeredOn: today,
      notes: [request.notes, summary].filter(Boolean).join('\n\n'),
    });
    await this.audit.record({ actorId, action: 'subject_request.answered', entityType: 'subject_request', entityId: id, fields: ['status', 'answer'] }, manager);
  }

  /** Mails every active admin about open requests due within a week, once per request and deadline. */
  async remindDue(today: string = stockholmDate(new Date())): Promise<number> {
    const due = await this.dataSource
      .getRepository(SubjectRequest)
      .createQueryBuilder('request')
      .where(`request.status = 'open'`)
      .andWhere('coalesce(request.extended_due_on, request.due_on) <= :limit', { limit: addCalendarDays(today, 7) })
      .getMany();
    const admins = await this.dataSource.getRepository(StaffUser).findBy({ role: 'admin', active: true });
    let mailed = 0;
    for (const request of due) {
      const deadline = request.extendedDueOn ?? request.dueOn;
      for (const admin of admins) {
        const queued = await this.mail.queue({
          idempotencyKey: `subject-request-due:${request.id}:${deadline}:${admin.id}`,
          to: admin.email,
          sentFor: 'A2',
          record: { type: 'subject_request', id: request.id },
          subject: `Begäran #${request.requestNumber} ska besvaras senast ${deadline}${deadline < today ? ' (försenad)' : ''}`,
          body: `En begäran från en registrerad (${request.kind}) ska besvaras senast ${deadline}. Öppna Privdesk → Admin → Begäranden, #${request.requestNumber}.`,
        });
        if (queued) mailed++;
      }
    }
    return mailed;
  }

  private async lock(manager: EntityManager, id: string): Promise<SubjectRequest> {
    const request = await manager.findOne(SubjectRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!request) throw notFound('The request');
    return request;
  }
}

function toView(request: SubjectRequest, today: string): SubjectRequestView {
  const effectiveDueOn = request.extendedDueOn ?? request.dueOn;
  const open = request.status === 'open';
  return {
    id: request.id,
    requestNumber: request.requestNumber,
    kind: request.kind,
    channel: request.channel,
    receivedOn: request.receivedOn,
    personId: request.personId,
    personName: request.person ? `${request.person.firstName} ${request.person.lastName}` : null,
    requesterName: request.requesterName,
    requesterContact: request.requesterContact,
    identityChecked: request.identityChecked,
    identityMethod: request.identityMethod,
    notes: request.notes,
    dueOn: request.dueOn,
    extendedDueOn: request.extendedDueOn,
    extensionReason: request.extensionReason,
    version: request.version,
    effectiveDueOn,
    status: request.status,
    answer: request.answer,
    answeredOn: request.answeredOn,
    overdue: open && effectiveDueOn < today,
    dueWithinWeek: open && effectiveDueOn >= today && effectiveDueOn <= addCalendarDays(today, 7),
    createdByName: request.createdBy?.name ?? '—',
    privacy: toPrivacy(request),
  };
}
