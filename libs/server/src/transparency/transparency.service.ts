import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ControllerIdentity,
  CookieInput,
  countriesInWords,
  CookieView,
  LEGAL_BASIS_LABELS,
  NOTICE_STATEMENTS,
  PrivacyNotice,
  RecipientInput,
  RecipientView,
  retentionInWords,
  TRANSFER_MECHANISM_LABELS,
} from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { toCsv } from '../core/csv';
import { notFound } from '../core/errors';
import { render, table } from '../core/pdf';
import { toPolicy } from '../policies/policies.service';
import { RetentionPolicy } from '../policies/retention-policy.entity';
import { InstallationSetting } from '../settings/installation-setting.entity';
import { CookieEntry } from './cookie-entry.entity';
import { Recipient } from './recipient.entity';

const IDENTITY_KEY = 'controller.identity';

/**
 * Transparency: the controller's identity, the recipients and cookie registers, and what is
 * rendered from them with the policy table — the public notice and the record of processing.
 */
@Injectable()
export class TransparencyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async identity(manager: EntityManager = this.dataSource.manager): Promise<ControllerIdentity> {
    const setting = await manager.findOneBy(InstallationSetting, { key: IDENTITY_KEY });
    return JSON.parse(setting?.value ?? '{}') as ControllerIdentity;
  }

  async updateIdentity(identity: ControllerIdentity, actorId: string): Promise<ControllerIdentity> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.identity(manager);
      await manager.save(InstallationSetting, { key: IDENTITY_KEY, value: JSON.stringify(identity) });
      await this.audit.record({ actorId, action: 'setting.updated', entityType: 'setting', entityId: null, fields: Object.keys(identity), details: { before, after: identity } }, manager);
    });
    return this.identity();
  }

  async recipients(): Promise<RecipientView[]> {
    return (await this.dataSource.getRepository(Recipient).find({ order: { kind: 'DESC', name: 'ASC' } })).map(toRecipientView);
  }

  async saveRecipient(id: string | null, input: RecipientInput, actorId: string): Promise<RecipientView> {
    const repository = this.dataSource.getRepository(Recipient);
    const existing = id ? await repository.findOneBy({ id }) : repository.create();
    if (!existing) throw notFound('The recipient');
    Object.assign(existing, {
      name: input.name,
      kind: input.kind,
      receivesSv: input.receives.sv,
      receivesEn: input.receives.en,
      purposes: input.purposes,
      countries: [...new Set(input.countries ?? [])],
      inEu: input.inEu,
      transferMechanism: input.inEu ? null : (input.transferMechanism ?? null),
      transferSafeguard: input.transferSafeguard ?? null,
      agreementReference: input.agreementReference ?? null,
    });
    const saved = await repository.save(existing);
    await this.audit.record({ actorId, action: id ? 'recipient.updated' : 'recipient.created', entityType: 'recipient', entityId: saved.id, fields: Object.keys(input), details: { after: input } });
    return toRecipientView(saved);
  }

  async deleteRecipient(id: string, actorId: string): Promise<void> {
    const result = await this.dataSource.getRepository(Recipient).delete(id);
    if (!result.affected) throw notFound('The recipient');
    await this.audit.record({ actorId, action: 'recipient.deleted', entityType: 'recipient', entityId: id });
  }

  async cookies(): Promise<CookieView[]> {
    return (await this.dataSource.getRepository(CookieEntry).find({ order: { site: 'DESC', category: 'ASC', name: 'ASC' } })).map(toCookieView);
  }

  async saveCookie(id: string | null, input: CookieInput, actorId: string): Promise<CookieView> {
    const repository = this.dataSource.getRepository(CookieEntry);
    const existing = id ? await repository.findOneBy({ id }) : repository.create();
    if (!existing) throw notFound('The cookie');
    Object.assign(existing, {
      site: input.site,
      name: input.name,
      provider: input.provider,
      durationSv: input.duration.sv,
      durationEn: input.duration.en,
      purposeSv: input.purpose.sv,
      purposeEn: input.purpose.en,
      category: input.category,
    });
    const saved = await repository.save(existing);
    await this.audit.record({ actorId, action: id ? 'cookie.updated' : 'cookie.created', entityType: 'cookie', entityId: saved.id, fields: Object.keys(input), details: { after: input } });
    return toCookieView(saved);
  }

  async deleteCookie(id: string, actorId: string): Promise<void> {
    const result = await this.dataSource.getRepository(CookieEntry).delete(id);
    if (!result.affected) throw notFound('The cookie');
    await this.audit.record({ actorId, action: 'cookie.deleted', entityType: 'cookie', entityId: id });
  }

  /** The notice, from the policy table as it is enforced now: purposes P1–P8 (not Privdesk's own A-policies). */
  async notice(): Promise<PrivacyNotice> {
    const [rows, recipients, cookies, controller] = await Promise.all([
      this.dataSource.getRepository(RetentionPolicy).find({ order: { code: 'ASC' } }),
      this.recipients(),
      this.cookies(),
      this.identity(),
    ]);
    return {
      controller,
      purposes: rows
        .filter((row) => row.code.startsWith('P'))
        .map((row) => {
          const policy = toPolicy(row);
          return {
            code: policy.code,
            purpose: policy.purpose,
            dataCategories: policy.dataCategories,
            legalBasis: policy.legalBasis,
            legalBasisName: LEGAL_BASIS_LABELS[policy.legalBasis],
            additionalBases: (row.additionalBases ?? []).map((basis) => ({ legalBasis: basis.legalBasis, legalBasisName: LEGAL_BASIS_LABELS[basis.legalBasis], statement: basis.statement })),
            retention: retentionInWords(policy),
            clockStarts: policy.clockStarts,
            recipients: recipients.filter((recipient) => recipient.purposes.includes(policy.code)).map((recipient) => recipient.name),
          };
        }),
      recipients,
      cookies,
      statements: NOTICE_STATEMENTS,
      generatedAt: new Date().toISOString(),
    };
  }

  /** The record of processing activities (GDPR Art. 30(1)) for admins and the supervisory authority. */
  async recordOfProcessing(format: 'csv' | 'pdf'): Promise<Buffer> {
    const notice = await this.notice();
    const rows = notice.purposes.map((p) => [
      p.code,
      p.purpose.en,
      p.dataCategories.en,
      [p.legalBasisName.en, ...p.additionalBases.map((basis) => `${basis.legalBasisName.en} (${basis.statement.en})`)].join('; '),
      p.retention.en,
      p.clockStarts.en,
      p.recipients.join('; ') || '—',
      notice.recipients.filter((r) => p.recipients.includes(r.name) && !r.inEu).map((r) => `${r.name}: ${transferInWords(r)}`).join('; ') || 'none (EU/EEA)',
    ]);
    const headers = ['Code', 'Purpose', 'Categories of data', 'Legal basis', 'Retention', 'Clock starts', 'Recipients', 'Transfers outside the EU/EEA'];
    const recipientHeaders = ['Recipient', 'Kind', 'Receives', 'Purposes', 'Countries', 'Outside the EU/EEA', 'Transfer mechanism', 'Agreement'];
    const recipientRows = notice.recipients.map((r) => [
      r.name,
      r.kind === 'processor' ? 'processor' : 'independent controller',
      r.receives.en,
      r.purposes.join('; ') || '—',
      countriesInWords(r.countries, 'en') || '—',
      r.inEu ? 'no' : 'yes',
      r.inEu ? '—' : transferInWords(r),
      r.agreementReference ?? '—',
    ]);
    // The web site's cookies are processing too: what each is, whose, for how long, and whether it needs consent.
    const cookieHeaders = ['Cookie', 'Site', 'Provider', 'Purpose', 'Duration', 'Category'];
    const cookieRows = notice.cookies.map((c) => [c.name, c.site, c.provider, c.purpose.en, c.duration.en, c.category]);
    if (format === 'csv') return Buffer.from(toCsv([headers, ...rows, [], recipientHeaders, ...recipientRows, [], cookieHeaders, ...cookieRows]));
    const controller = notice.controller;
    return render((doc) => {
      doc.font('Helvetica-Bold').fontSize(16).text('Register över behandlingar / Record of processing activities (GDPR art. 30)');
      doc.moveDown(0.5).font('Helvetica').fontSize(10);
      doc.text(`Personuppgiftsansvarig / Controller: ${controller.companyName} ${controller.orgNumber}, ${controller.street}, ${controller.postalCode} ${controller.city}`);
      doc.text(`Kontakt i dataskyddsfrågor / Privacy contact: ${controller.privacyEmail}, ${controller.privacyPhone}`);
      doc.text(`Utskriven / Generated: ${notice.generatedAt}`);
      doc.moveDown();
      table(doc, headers.slice(0, 7), rows.map((row) => row.slice(0, 7)), [30, 80, 90, 60, 95, 70, 70]);
      doc.font('Helvetica-Bold').text('Mottagare / Recipients');
      table(
        doc,
        ['Name', 'Kind', 'Receives', 'Countries', 'Transfer', 'Agreement'],
        recipientRows.map((r) => [r[0], r[1], r[2], r[4], r[5] === 'no' ? 'EU/EEA' : r[6], r[7]]),
        [85, 65, 140, 60, 85, 60],
      );
      doc.font('Helvetica-Bold').text('Kakor / Cookies');
      table(doc, ['Cookie', 'Provider', 'Purpose', 'Duration', 'Category'], cookieRows.map((r) => [r[0], r[2], r[3], r[4], r[5]]), [80, 80, 170, 80, 85]);
      doc.text(`Säkerhetsåtgärder / Security measures: ${notice.statements.security.en}`);
    });
  }
}

/** Outside the EU/EEA: the mechanism and any note, or that none is recorded. */
function transferInWords(recipient: RecipientView): string {
  const mechanism = recipient.transferMechanism ? TRANSFER_MECHANISM_LABELS[recipient.transferMechanism].en : null;
  return [mechanism, recipient.transferSafeguard].filter(Boolean).join(' — ') || 'no safeguard recorded';
}

function toRecipientView(row: Recipient): RecipientView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    receives: { sv: row.receivesSv, en: row.receivesEn },
    purposes: row.purposes,
    countries: row.countries,
    inEu: row.inEu,
    transferMechanism: row.transferMechanism,
    transferSafeguard: row.transferSafeguard,
    agreementReference: row.agreementReference,
  };
}

function toCookieView(row: CookieEntry): CookieView {
  return {
    id: row.id,
    site: row.site,
    name: row.name,
    provider: row.provider,
    duration: { sv: row.durationSv, en: row.durationEn },
    purpose: { sv: row.purposeSv, en: row.purposeEn },
    category: row.category,
  };
}
