import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CertificateCheck,
  CertificateDocument,
  CertificateView,
  CreateHoldRequest,
  CullOutcome,
  CullPreview,
  ExpiryAction,
  HoldView,
  IsoDate,
  QUEUES,
  RETENTION_JOBS,
  RetentionReport,
  ReviewStatus,
  ReviewView,
  stockholmDate,
  TaskView,
} from '@privdesk/domain';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError, invalidField, notFound } from '../core/errors';
import { JobOutboxService } from '../outbox/job-outbox.service';
import { CertificateEntry } from './certificate-entry.entity';
import { personalDataTable } from '../privacy/registry';
import { cullOrder, isCullRecordType } from './cull-plan';
import { CullService } from './cull.service';
import { DeletionCertificate } from './deletion-certificate.entity';
import { DispositionReview } from './disposition-review.entity';
import { IdHasher } from './id-hasher';
import { LegalHold } from './legal-hold.entity';
import { RetentionTask } from './retention-task.entity';

const PREVIEW_RECORDS_PER_POLICY = 500;

@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cull: CullService,
    private readonly outbox: JobOutboxService,
    private readonly audit: AuditService,
  ) {}

  // --- runs and tasks -------------------------------------------------------------------------

  /** Registers a cull run and enqueues it (through the outbox); the worker does the work. */
  async requestCull(asOf: IsoDate | undefined, actorId: string | null): Promise<TaskView> {
    const today = stockholmDate(new Date());
    // A later day would take records whose deadline has not come yet.
    if (asOf && asOf > today) throw invalidField('asOf', `Choose today (${today}) or an earlier day: a cull as of a later day would remove records before their deadline`);
    const task = await this.dataSource.transaction(async (manager) => {
      const created = await manager.save(manager.create(RetentionTask, { kind: 'cull', subject: asOf ?? today, requestedBy: actorId }));
      await this.outbox.enqueue(manager, QUEUES.retention, RETENTION_JOBS.cull, { taskId: created.id });
      await this.audit.record({ actorId, action: 'retention.cull.requested', entityType: 'retention_task', entityId: created.id }, manager);
      return created;
    });
    void this.outbox.relay();
    return this.getTask(task.id);
  }

  async listTasks(limit = 50): Promise<TaskView[]> {
    const tasks = await this.dataSource.getRepository(RetentionTask).find({ order: { createdAt: 'DESC' }, take: limit });
    return this.toTaskViews(tasks);
  }

  async getTask(id: string): Promise<TaskView> {
    const task = await this.dataSource.getRepository(RetentionTask).findOneBy({ id });
    if (!task) throw notFound('The task');
    return (await this.toTaskViews([task]))[0];
  }

  private async toTaskViews(tasks: RetentionTask[]): Promise<TaskView[]> {
    const certificates = tasks.length
      ? await this.dataSource.getRepository(DeletionCertificate).find({ where: tasks.map((task) => ({ runId: task.id })), select: { id: true, runId: true } })
      : [];
    const certificateOf = new Map(certificates.map((certificate) => [certificate.runId, certificate.id]));
    return tasks.map((task) => ({
      id: task.id,
      kind: task.kind,
      status: task.status,
      subject: task.subject,
      done: task.done,
      total: task.total,
      requestedBy: task.requestedBy,
      createdAt: task.createdAt.toISOString(),
      startedAt: task.startedAt?.toISOString() ?? null,
      finishedAt: task.finishedAt?.toISOString() ?? null,
      error: task.error,
      certificateId: certificateOf.get(task.id) ?? null,
    }));
  }

  // --- preview and report ---------------------------------------------------------------------

  async preview(asOf: IsoDate): Promise<CullPreview> {
    const groups = new Map<string, CullPreview['policies'][number]>();
    const groupOf = (recordType: string, policy: string, action: string) => {
      const key = `${policy}|${recordType}`;
      const group = groups.get(key) ?? { policy, recordType, action: action as ExpiryAction, counts: { deleted: 0, anonymised: 0, held: 0, reviewed: 0 }, records: [] };
      groups.set(key, group);
      return group;
    };
    const outcomeName = (outcome: 'held' | 'reviewed' | 'cull', action: string): CullOutcome =>
      outcome === 'held' ? 'held' : outcome === 'reviewed' ? 'reviewed' : action === 'anonymise' ? 'anonymised' : 'deleted';
    for (const recordType of cullOrder()) {
      const { counts, samples } = await this.cull.expiredSummary(this.dataSource.manager, recordType, asOf, PREVIEW_RECORDS_PER_POLICY);
      for (const count of counts) {
        if (count.outcome === 'kept') continue;
        groupOf(recordType, count.purpose, count.action).counts[outcomeName(count.outcome, count.action)] += count.records;
      }
      for (const row of samples) {
        if (row.outcome === 'kept') continue;
        const outcome = outcomeName(row.outcome, row.action);
        groupOf(recordType, row.purpose, row.action).records.push({ recordType, id: row.id, label: row.label ?? '', retainUntil: row.retain_until, outcome });
      }
    }
    return { asOf, policies: [...groups.values()] };
  }

  /**
   * The report's counts come from the tally PostgreSQL keeps as records change (migration
   * 1764090000014): a sum over a few thousand rows, not a scan of every personal-data table.
   */
  async report(): Promise<RetentionReport> {
    const today = stockholmDate(new Date());
    const q = <T>(sql: string, params: unknown[] = []): Promise<T[]> => this.dataSource.query(sql, params);
    const tally = `(SELECT record_type, purpose, legal_basis, retain_until, sum(records)::int AS records FROM retention_tally GROUP BY 1, 2, 3, 4 HAVING sum(records) <> 0)`;
    const [byPurpose, expiring, expiringByMonth, culledByMonth, holds, reviews, missing, due] = await Promise.all([
      q<{ purpose: string; legal_basis: string; record_type: string; records: number }>(
        `SELECT purpose, legal_basis, record_type, sum(records)::int AS records FROM ${tally} r GROUP BY 1, 2, 3 ORDER BY 1, 3`,
      ),
      q<{ days30: number; days90: number; days365: number }>(
        `SELECT coalesce(sum(records) FILTER (WHERE retain_until < $1::date + 30), 0)::int AS days30, coalesce(sum(records) FILTER (WHERE retain_until < $1::date + 90), 0)::int AS days90,
                coalesce(sum(records) FILTER (WHERE retain_until < $1::date + 365), 0)::int AS days365
           FROM ${tally} r WHERE retain_until >= $1::date`,
        [today],
      ),
      q<{ month: string; purpose: string; records: number }>(
        `SELECT to_char(retain_until, 'YYYY-MM') AS month, purpose, sum(records)::int AS records FROM ${tally} r
          WHERE retain_until >= $1::date AND retain_until < $1::date + 365 GROUP BY 1, 2 ORDER BY 1, 2`,
        [today],
      ),
      q<{ month: string; deleted: number; anonymised: number }>(
        `SELECT to_char(finished_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS month, sum((totals->>'deleted')::int)::int AS deleted,
                sum((totals->>'anonymised')::int)::int AS anonymised FROM deletion_certificate GROUP BY 1 ORDER BY 1`,
      ),
      q<{ count: number }>(`SELECT count(*)::int AS count FROM legal_hold WHERE released_at IS NULL AND (until IS NULL OR until >= $1)`, [today]),
      q<{ count: number }>(`SELECT count(*)::int AS count FROM disposition_review WHERE status = 'pending'`),
      q<{ count: number }>(`SELECT coalesce(sum(records), 0)::int AS count FROM ${tally} r WHERE purpose IS NULL OR legal_basis IS NULL`),
      q<{ count: number }>(`SELECT coalesce(sum(records), 0)::int AS count FROM ${tally} r WHERE retain_until < $1::date`, [today]),
    ]);
    return {
      generatedAt: new Date().toISOString(),
      byPurpose: byPurpose.map((row) => ({ purpose: row.purpose, legalBasis: row.legal_basis as RetentionReport['byPurpose'][number]['legalBasis'], recordType: row.record_type, records: row.records })),
      dueNow: due[0].count,
      expiring: expiring[0],
      expiringByMonth,
      culledByMonth,
      holdsActive: holds[0].count,
      reviewsPending: reviews[0].count,
      missingBasis: missing[0].count,
    };
  }

  // --- certificates ---------------------------------------------------------------------------

  async listCertificates(): Promise<CertificateView[]> {
    const certificates = await this.dataSource.getRepository(DeletionCertificate).find({ order: { finishedAt: 'DESC' }, take: 200 });
    return certificates.map(toCertificateView);
  }

  async certificate(id: string): Promise<CertificateDocument> {
    const certificate = await this.dataSource.getRepository(DeletionCertificate).findOneBy({ id });
    if (!certificate) throw notFound('The certificate');
    const entries = await this.dataSource.getRepository(CertificateEntry).find({ where: { runId: certificate.runId }, order: { recordType: 'ASC', id: 'ASC' } });
    return {
      ...toCertificateView(certificate),
      hashAlgorithm: 'HMAC-SHA256',
      entries: entries.map((entry) => ({ recordType: entry.recordType, policy: entry.policy, outcome: entry.outcome, idHash: entry.idHash })),
    };
  }

  /** "Was record X culled, and when?" — by re-hashing its id. */
  async check(recordType: string, id: string): Promise<CertificateCheck> {
    if (!isCullRecordType(recordType)) throw invalidField('recordType', `recordType must be one of ${cullOrder().join(', ')}`);
    const hash = (await IdHasher.load(this.dataSource.manager)).hash(recordType, id);
    const matches: Array<{ certificate_id: string; as_of: string; finished_at: Date; outcome: 'deleted' | 'anonymised'; policy: string }> = await this.dataSource.query(
      `SELECT c.id AS certificate_id, c.as_of::text AS as_of, c.finished_at, e.outcome, e.policy
         FROM certificate_entry e JOIN deletion_certificate c ON c.run_id = e.run_id
        WHERE e.id_hash = $1 AND e.record_type = $2 ORDER BY c.finished_at`,
      [hash, recordType],
    );
    return {
      recordType,
      id,
      culled: matches.length > 0,
      matches: matches.map((match) => ({ certificateId: match.certificate_id, asOf: match.as_of, finishedAt: new Date(match.finished_at).toISOString(), outcome: match.outcome, policy: match.policy })),
    };
  }

  // --- legal holds ----------------------------------------------------------------------------

  async listHolds(includeReleased = false): Promise<HoldView[]> {
    const holds = await this.dataSource.getRepository(LegalHold).find({ where: includeReleased ? {} : { releasedAt: IsNull() }, order: { createdAt: 'DESC' } });
    const targets = holds.map((hold) => (hold.personId ? { recordType: 'person' as const, id: hold.personId } : { recordType: hold.recordType as string, id: hold.recordId as string }));
    const labels = await this.labels(this.dataSource.manager, targets);
    return holds.map((hold, index) => ({
      id: hold.id,
      personId: hold.personId,
      recordType: hold.recordType,
      recordId: hold.recordId,
      label: labels.get(targets[index].id) ?? `${targets[index].recordType} ${targets[index].id}`,
      reason: hold.reason,
      until: hold.until,
      createdAt: hold.createdAt.toISOString(),
      createdBy: hold.createdBy,
      releasedAt: hold.releasedAt?.toISOString() ?? null,
    }));
  }

  async createHold(request: CreateHoldRequest, actorId: string): Promise<HoldView> {
    if (!request.personId && !(request.recordType && request.recordId)) {
      throw new DomainError('invalid', 'Hold a person, or a record by type and id', { personId: ['Give a person, or a record type and id'] });
    }
    if (request.recordType && !isCullRecordType(request.recordType)) {
      throw invalidField('recordType', `recordType must be one of ${cullOrder().join(', ')}`);
    }
    const exists = request.personId
      ? await this.exists('person', request.personId)
      : await this.exists(request.recordType as string, request.recordId as string);
    // A reference in the body: the field is wrong, not the address.
    if (!exists) throw request.personId ? invalidField('personId', 'No such person') : invalidField('recordId', 'No such record of this type');
    const hold = await this.dataSource.transaction(async (manager) => {
      const created = await manager.save(
        manager.create(LegalHold, {
          personId: request.personId ?? null,
          recordType: request.personId ? null : (request.recordType ?? null),
          recordId: request.personId ? null : (request.recordId ?? null),
          reason: request.reason,
          until: request.until ?? null,
          createdBy: actorId,
        }),
      );
      await this.audit.record({ actorId, action: 'legal_hold.created', entityType: 'legal_hold', entityId: created.id, fields: ['reason', 'until'] }, manager);
      return created;
    });
    return (await this.listHolds(true)).find((view) => view.id === hold.id) as HoldView;
  }

  async releaseHold(id: string, actorId: string): Promise<HoldView> {
    const hold = await this.dataSource.getRepository(LegalHold).findOneBy({ id });
    if (!hold) throw notFound('The hold');
    if (hold.releasedAt) throw new DomainError('conflict', 'The hold is already released');
    await this.dataSource.transaction(async (manager) => {
      await manager.update(LegalHold, id, { releasedAt: new Date(), releasedBy: actorId });
      await this.audit.record({ actorId, action: 'legal_hold.released', entityType: 'legal_hold', entityId: id }, manager);
    });
    return (await this.listHolds(true)).find((view) => view.id === id) as HoldView;
  }

  // --- disposition reviews --------------------------------------------------------------------

  async listReviews(status?: ReviewStatus): Promise<ReviewView[]> {
    const reviews = await this.dataSource.getRepository(DispositionReview).find({ where: status ? { status } : {}, order: { createdAt: 'DESC' }, take: 500 });
    const labels = await this.labels(this.dataSource.manager, reviews.map((review) => ({ recordType: review.recordType, id: review.recordId })));
    return reviews.map((review) => ({
      id: review.id,
      recordType: review.recordType,
      recordId: review.recordId,
      label: labels.get(review.recordId) ?? '(culled)',
      policy: review.policy,
      retainUntil: review.retainUntil,
      status: review.status,
      reason: review.reason,
      extendedUntil: review.extendedUntil,
      createdAt: review.createdAt.toISOString(),
      decidedAt: review.decidedAt?.toISOString() ?? null,
    }));
  }

  async decideReview(id: string, decision: { approve: true } | { approve: false; reason: string; until: IsoDate }, actorId: string): Promise<ReviewView> {
    await this.dataSource.transaction(async (manager) => {
      const review = await manager.findOne(DispositionReview, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw notFound('The review');
      if (review.status !== 'pending') throw new DomainError('conflict', `The review is ${review.status}, not pending`);
      if (!decision.approve && decision.until <= stockholmDate(new Date())) throw invalidField('until', 'Extend to a day after today');
      await manager.update(DispositionReview, id, {
        status: decision.approve ? 'approved' : 'extended',
        reason: decision.approve ? null : decision.reason,
        extendedUntil: decision.approve ? null : decision.until,
        decidedAt: new Date(),
        decidedBy: actorId,
      });
      await this.audit.record(
        { actorId, action: decision.approve ? 'disposition_review.approved' : 'disposition_review.extended', entityType: 'disposition_review', entityId: id, fields: decision.approve ? [] : ['reason', 'extendedUntil'] },
        manager,
      );
    });
    return (await this.listReviews()).find((review) => review.id === id) as ReviewView;
  }

  private async exists(recordType: string, id: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM ${personalDataTable(recordType).table} WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  private async labels(manager: EntityManager, records: Array<{ recordType: string; id: string }>): Promise<Map<string, string>> {
    const labels = new Map<string, string>();
    for (const recordType of cullOrder()) {
      const ids = records.filter((record) => record.recordType === recordType).map((record) => record.id);
      if (!ids.length) continue;
      const rows: Array<{ id: string; label: string }> = await manager.query(`SELECT t.id, ${personalDataTable(recordType).label} AS label FROM ${personalDataTable(recordType).table} t WHERE t.id = ANY($1)`, [ids]);
      for (const row of rows) labels.set(row.id, row.label);
    }
    return labels;
  }
}

function toCertificateView(certificate: DeletionCertificate): CertificateView {
  return {
    id: certificate.id,
    runId: certificate.runId,
    asOf: certificate.asOf,
    startedAt: certificate.startedAt.toISOString(),
    finishedAt: certificate.finishedAt.toISOString(),
    counts: certificate.counts,
    totals: certificate.totals,
    retainUntil: certificate.retainUntil,
  };
}
