import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { computeRetention, MAIL_POLICY, OutboxMail, stockholmDate } from '@privdesk/domain';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../core/config';
import { RetentionPolicy } from '../policies/retention-policy.entity';
import { toPolicy } from '../policies/policies.service';
import { OutboxEmail } from './outbox-email.entity';

export interface MailMessage {
  /** The same key never mails twice (e.g. `expiry-reminder:2026-12-02:<admin id>`). */
  idempotencyKey: string;
  to: string;
  subject: string;
  body: string;
  /** The purpose of what caused the mail (the quote's P2, the ticket's P4, …). */
  sentFor: string;
  /** The person the mail goes to, when it goes to a data subject rather than to staff. */
  personId?: string | null;
  /** The record that caused it: the mail goes with that record. */
  record?: { type: string; id: string };
}

/** E-mail through the outbox: queued in the caller's transaction, delivered by the worker. */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  /** Queues a mail; returns false when one with the same key exists already. */
  async queue(message: MailMessage, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const row = await manager.findOneBy(RetentionPolicy, { code: MAIL_POLICY.code });
    const privacy = computeRetention(row ? toPolicy(row) : MAIL_POLICY, { eventDate: stockholmDate(new Date()) });
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxEmail)
      .values({
        idempotencyKey: message.idempotencyKey,
        toAddress: message.to,
        subject: message.subject,
        body: message.body,
        sentFor: message.sentFor,
        personId: message.personId ?? null,
        recordType: message.record?.type ?? null,
        recordId: message.record?.id ?? null,
        purpose: privacy.purpose,
        privacy: { legalBasis: privacy.legalBasis, retainUntil: privacy.retainUntil, rule: privacy.rule, ruleSv: privacy.ruleSv },
      })
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Sends pending mails; without SMTP they are marked stored, for admins to read in the app. */
  async deliverPending(): Promise<{ sent: number; stored: number; failed: number }> {
    const tally = { sent: 0, stored: 0, failed: 0 };
    const pending = await this.dataSource.getRepository(OutboxEmail).find({ where: { status: 'pending' }, order: { createdAt: 'ASC' }, take: 100 });
    for (const mail of pending) {
      if (!this.transport) {
        await this.dataSource.getRepository(OutboxEmail).update(mail.id, { status: 'stored' });
        tally.stored++;
        continue;
      }
      try {
        await this.transport.sendMail({ from: this.config.MAIL_FROM, to: mail.toAddress, subject: mail.subject, text: mail.body });
        await this.dataSource.getRepository(OutboxEmail).update(mail.id, { status: 'sent', sentAt: new Date(), error: null });
        tally.sent++;
      } catch (error) {
        this.logger.warn(`Mail ${mail.id} not sent: ${error instanceof Error ? error.message : String(error)}`);
        await this.dataSource.getRepository(OutboxEmail).update(mail.id, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
        tally.failed++;
      }
    }
    return tally;
  }

  async list(limit = 200): Promise<OutboxMail[]> {
    const mails = await this.dataSource.getRepository(OutboxEmail).find({ order: { createdAt: 'DESC' }, take: limit });
    return mails.map((mail) => ({
      id: mail.id,
      to: mail.toAddress,
      subject: mail.subject,
      body: mail.body,
      status: mail.status,
      createdAt: mail.createdAt.toISOString(),
      sentAt: mail.sentAt?.toISOString() ?? null,
      error: mail.error,
    }));
  }
}
