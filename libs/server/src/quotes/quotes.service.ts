import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  computeRetention,
  CreateQuoteRequest,
  financialYearEnd,
  LoseQuoteRequest,
  Page,
  Privacy,
  quoteAmounts,
  QuoteDetail,
  QuoteLineInput,
  QuoteListItem,
  QuoteQuery,
  QuoteSettings,
  SalesPipeline,
  stockholmDate,
  toOre,
  toSek,
  UpdateQuoteRequest,
  WinQuoteRequest,
} from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { StaffUser } from '../auth/staff-user.entity';
import { applyChanges } from '../core/apply-changes';
import { AppConfig } from '../core/config';
import { DomainError, invalidField, notFound } from '../core/errors';
import { checkVersion } from '../core/versions';
import { ContactPerson } from '../customers/contact-person.entity';
import { CustomerRetentionService } from '../customers/customer-retention.service';
import { Customer } from '../customers/customer.entity';
import { CustomersService } from '../customers/customers.service';
import { PeopleService } from '../people/people.service';
import { applyPrivacy, toPrivacy } from '../database/privacy.columns';
import { SuppressionService } from '../marketing/suppression.service';
import { Person } from '../people/person.entity';
import { PoliciesService } from '../policies/policies.service';
import { InstallationSetting } from '../settings/installation-setting.entity';
import { containsPattern } from '../core/like';
import { QuoteLine } from './quote-line.entity';
import { Quote } from './quote.entity';
import { quotePdf } from './quote-pdf';
import { TransparencyService } from '../transparency/transparency.service';

const PRICES_SETTING = 'quotes.technicians_see_prices';

@Injectable()
export class QuotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly people: PeopleService,
    private readonly retention: CustomerRetentionService,
    private readonly policies: PoliciesService,
    private readonly suppression: SuppressionService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly transparency: TransparencyService,
  ) {}

  // --- reading --------------------------------------------------------------------------------

  async list(query: QuoteQuery, viewer: StaffUser): Promise<Page<QuoteListItem>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const builder = this.listBuilder();
    if (query.status) builder.andWhere('quote.status = :status', { status: query.status });
    if (query.customerId) builder.andWhere('quote.customer_id = :customerId', { customerId: query.customerId });
    const q = query.q?.trim();
    if (q) {
      const like = containsPattern(q);
      const conditions = ['quote.title ILIKE :like', `holder.first_name || ' ' || holder.last_name ILIKE :like`, 'organisation.name ILIKE :like', 'holder.email ILIKE :like'];
      if (/^#?\d{1,9}$/.test(q)) conditions.push('quote.quote_number = :number');
      builder.andWhere(`(${conditions.join(' OR ')})`, { like, number: Number(q.replace('#', '')) });
    }
    const [quotes, total] = await builder
      .orderBy('quote.quote_number', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    const showPrices = await this.pricesVisibleTo(viewer);
    return { items: quotes.map((quote) => toListItem(quote, showPrices)), total, page, pageSize };
  }

  async get(id: string, viewer: StaffUser): Promise<QuoteDetail> {
    const quote = await this.load(this.dataSource.manager, id);
    const showPrices = await this.pricesVisibleTo(viewer);
    const amounts = quoteAmounts(quote.lines.map(toLineInput));
    return {
      ...toListItem(quote, showPrices),
      holderEmail: quote.holder?.email ?? null,
      lines: quote.lines.map((line, index) => ({
        kind: line.kind,
        description: line.description,
        quantity: line.quantity,
        unitPrice: showPrices ? toSek(line.unitPriceOre) : null,
        discountPercent: showPrices ? line.discountPercent : null,
        vatPercent: showPrices ? line.vatPercent : null,
        net: showPrices ? toSek(amounts.lines[index].net) : null,
      })),
      totals: showPrices ? { net: toSek(amounts.net), vat: toSek(amounts.vat), total: toSek(amounts.total) } : null,
      pricesHidden: !showPrices,
      decidedAt: quote.decidedAt?.toISOString() ?? null,
      lostReason: quote.lostReason,
      holderSuppressed: await this.suppression.isSuppressed(quote.holder?.email),
      version: quote.version,
    };
  }

  async pdf(id: string): Promise<{ filename: string; pdf: Buffer }> {
    const quote = await this.load(this.dataSource.manager, id);
    const policy = await this.policies.get('P2');
    return { filename: `offert-${quote.quoteNumber}.pdf`, pdf: await quotePdf(quote, quoteAmounts(quote.lines.map(toLineInput)), policy, await this.transparency.identity()) };
  }

  async pipeline(): Promise<SalesPipeline> {
    const today = stockholmDate(new Date());
    const [open] = await this.dataSource.query(`SELECT count(*)::int AS count, coalesce(sum(total_ore), 0)::bigint AS value FROM quote WHERE status = 'open'`);
    const buckets: Array<{ bucket: 'week' | 'month' | 'later'; count: number; value: string }> = await this.dataSource.query(
      `SELECT CASE WHEN valid_until <= $1::date + 7 THEN 'week' WHEN valid_until <= $1::date + 30 THEN 'month' ELSE 'later' END AS bucket,
              count(*)::int AS count, sum(total_ore)::bigint AS value
         FROM quote WHERE status = 'open' GROUP BY 1`,
      [today],
    );
    const months: Array<{ month: string; won: number; won_value: string; lost: number; lost_value: string }> = await this.dataSource.query(
      `WITH months AS (
         SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series(date_trunc('month', $1::date) - interval '5 months', date_trunc('month', $1::date), interval '1 month') AS m
       )
       SELECT months.month,
              count(q.id) FILTER (WHERE q.status = 'won')::int AS won, coalesce(sum(q.total_ore) FILTER (WHERE q.status = 'won'), 0)::bigint AS won_value,
              count(q.id) FILTER (WHERE q.status = 'lost')::int AS lost, coalesce(sum(q.total_ore) FILTER (WHERE q.status = 'lost'), 0)::bigint AS lost_value
         FROM months LEFT JOIN quote q ON to_char(q.decided_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') = months.month
        GROUP BY months.month ORDER BY months.month`,
      [today],
    );
    const expiring = await this.listBuilder().where(`quote.status = 'open'`).orderBy('quote.valid_until', 'ASC').limit(10).getMany();
    const bucket = (name: 'week' | 'month' | 'later') => {
      const row = buckets.find((b) => b.bucket === name);
      return { bucket: name, count: row?.count ?? 0, value: toSek(Number(row?.value ?? 0)) };
    };
    const thisMonth = months[months.length - 1];
    return {
      open: { count: open.count, value: toSek(Number(open.value)) },
      openByExpiry: [bucket('week'), bucket('month'), bucket('later')],
      wonThisMonth: { count: thisMonth.won, value: toSek(Number(thisMonth.won_value)) },
      lostThisMonth: { count: thisMonth.lost, value: toSek(Number(thisMonth.lost_value)) },
      months: months.map((m) => ({ month: m.month, won: m.won, wonValue: toSek(Number(m.won_value)), lost: m.lost, lostValue: toSek(Number(m.lost_value)) })),
      expiringSoon: expiring.map((quote) => toListItem(quote, true)),
    };
  }

  async settings(): Promise<QuoteSettings> {
    const setting = await this.dataSource.getRepository(InstallationSetting).findOneBy({ key: PRICES_SETTING });
    return { techniciansSeePrices: setting?.value === 'true' };
  }

  async updateSettings(settings: QuoteSettings, actorId: string): Promise<QuoteSettings> {
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(InstallationSetting, { key: PRICES_SETTING });
      await manager.save(InstallationSetting, { key: PRICES_SETTING, value: String(settings.techniciansSeePrices) });
      await this.audit.record(
        {
          actorId,
          action: 'setting.updated',
          entityType: 'setting',
          entityId: null,
          fields: ['techniciansSeePrices'],
          details: { before: { techniciansSeePrices: before?.value === 'true' }, after: settings },
        },
        manager,
      );
    });
    return this.settings();
  }

  // --- writing --------------------------------------------------------------------------------

  async create(request: CreateQuoteRequest, actor: StaffUser): Promise<QuoteDetail> {
    const issuedOn = request.issuedOn ?? stockholmDate(new Date());
    if (request.validUntil < issuedOn) throw invalidField('validUntil', 'A quote must be valid at least until the day it is issued');
    const id = await this.dataSource.transaction(async (manager) => {
      let customer: Customer | null = null;
      if (request.customerId) {
        customer = await manager.findOneBy(Customer, { id: request.customerId });
        if (!customer) throw invalidField('customerId', 'No such customer');
      }
      let holderId = request.holderId ?? null;
      if (request.holder) {
        const provisional = await this.privacyOf(manager, manager.create(Quote, { status: 'open', issuedOn, validUntil: request.validUntil }));
        const resolved = await this.people.resolve(manager, request.holder, { onMatch: 'ask', existingPersonId: request.existingPersonId, field: 'holder', provisional, actorId: actor.id });
        holderId = resolved.person.id;
      }
      else if (holderId && !(await manager.existsBy(Person, { id: holderId }))) throw invalidField('holderId', 'No such person');
      if (!holderId && customer?.type === 'person') holderId = customer.personId;
      if (!holderId) throw invalidField('holder', 'Say whom the quote is addressed to');
      if (customer && customer.type === 'organisation' && !(await manager.existsBy(ContactPerson, { customerId: customer.id, personId: holderId }))) {
        throw invalidField('holderId', "The quote's holder must be one of the company's contact persons");
      }
      const quote = manager.create(Quote, { customerId: customer?.id ?? null, holderId, title: request.title, status: 'open', issuedOn, validUntil: request.validUntil, ownerId: actor.id });
      this.setAmounts(quote, request.lines);
      applyPrivacy(quote, await this.privacyOf(manager, quote));
      const saved = await manager.save(quote);
      await this.saveLines(manager, saved.id, request.lines);
      await this.retention.recomputePerson(manager, holderId);
      await this.audit.record({ actorId: actor.id, action: 'quote.created', entityType: 'quote', entityId: saved.id, fields: Object.keys(request) }, manager);
      return saved.id;
    });
    return this.get(id, actor);
  }

  async update(id: string, request: UpdateQuoteRequest, actor: StaffUser): Promise<QuoteDetail> {
    await this.dataSource.transaction(async (manager) => {
      const quote = await this.lockOpen(manager, id);
      checkVersion('The quote', quote.version, request.version);
      const changed: string[] = applyChanges(quote, request, ['title', 'validUntil']);
      if (quote.validUntil < quote.issuedOn) throw invalidField('validUntil', 'A quote must be valid at least until the day it is issued');
      if (request.lines) {
        this.setAmounts(quote, request.lines);
        await manager.delete(QuoteLine, { quoteId: id });
        await this.saveLines(manager, id, request.lines);
        changed.push('lines');
      }
      if (!changed.length) return;
      quote.version += 1;
      applyPrivacy(quote, await this.privacyOf(manager, quote));
      await manager.save(quote);
      if (quote.holderId) await this.retention.recomputePerson(manager, quote.holderId);
      await this.audit.record({ actorId: actor.id, action: 'quote.updated', entityType: 'quote', entityId: id, fields: changed }, manager);
    });
    return this.get(id, actor);
  }

  /** The quote becomes an order: a prospect becomes a customer, optionally with an agreement. */
  async win(id: string, request: WinQuoteRequest, actor: StaffUser): Promise<QuoteDetail> {
    await this.dataSource.transaction(async (manager) => {
      const quote = await this.lockOpen(manager, id);
      if (!quote.customerId) {
        if (!quote.holderId) throw new DomainError('conflict', 'The quote has no holder to make a customer of');
        quote.customerId = await this.customers.createPersonCustomerIn(manager, quote.holderId, actor.id);
      }
      quote.status = 'won';
      quote.decidedAt = new Date();
      applyPrivacy(quote, await this.privacyOf(manager, quote));
      await manager.save(quote);
      if (request.agreement) await this.customers.addAgreementIn(manager, quote.customerId, request.agreement, actor.id);
      if (quote.holderId) await this.retention.recomputePerson(manager, quote.holderId);
      await this.audit.record(
        { actorId: actor.id, action: 'quote.won', entityType: 'quote', entityId: id, fields: ['status'], details: { agreement: !!request.agreement } },
        manager,
      );
    });
    return this.get(id, actor);
  }

  /** The follow-up's "updated quote with the same options": a new open quote, issued today, with the same lines. */
  async renew(id: string, validUntil: string, actor: StaffUser): Promise<QuoteDetail> {
    const quote = await this.load(this.dataSource.manager, id);
    if (quote.status === 'won') throw new DomainError('conflict', 'A won quote is an order; write a new quote instead');
    if (!quote.holderId && !quote.customerId) throw new DomainError('conflict', 'The quote no longer names anyone to send it to');
    const renewed = await this.create(
      { customerId: quote.customerId, holderId: quote.holderId, title: quote.title, validUntil, lines: quote.lines.map(toLineInput) },
      actor,
    );
    await this.audit.record({ actorId: actor.id, action: 'quote.renewed', entityType: 'quote', entityId: id, fields: [], details: { renewedAs: renewed.id } });
    return renewed;
  }

  async lose(id: string, request: LoseQuoteRequest, actor: StaffUser): Promise<QuoteDetail> {
    await this.dataSource.transaction(async (manager) => {
      const quote = await this.lockOpen(manager, id);
      quote.status = 'lost';
      quote.decidedAt = new Date();
      quote.lostReason = request.reason ?? null;
      await manager.save(quote);
      await this.audit.record({ actorId: actor.id, action: 'quote.lost', entityType: 'quote', entityId: id, fields: ['status', 'lostReason'] }, manager);
    });
    return this.get(id, actor);
  }

  /** Open quotes past their validity become expired (the nightly job); returns how many. */
  async expireOverdue(today: string = stockholmDate(new Date())): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string }> = await manager.query(
        `WITH expired AS (UPDATE quote SET status = 'expired', decided_at = now() WHERE status = 'open' AND valid_until < $1 RETURNING id) SELECT id FROM expired`,
        [today],
      );
      for (const { id } of rows) await this.audit.record({ actorId: null, action: 'quote.expired', entityType: 'quote', entityId: id, fields: ['status'] }, manager);
      return rows.length;
    });
  }

  // --- helpers --------------------------------------------------------------------------------

  private listBuilder() {
    return this.dataSource
      .getRepository(Quote)
      .createQueryBuilder('quote')
      .leftJoinAndSelect('quote.customer', 'customer')
      .leftJoinAndSelect('customer.person', 'customerPerson')
      .leftJoinAndSelect('customer.organisation', 'organisation')
      .leftJoinAndSelect('quote.holder', 'holder')
      .innerJoinAndSelect('quote.owner', 'owner');
  }

  private async load(manager: EntityManager, id: string): Promise<Quote> {
    const quote = await manager.getRepository(Quote).findOne({
      where: { id },
      relations: { customer: { person: true, organisation: true }, holder: true, owner: true, lines: true },
      order: { lines: { position: 'ASC' } },
    });
    if (!quote) throw notFound('The quote');
    return quote;
  }

  private async lockOpen(manager: EntityManager, id: string): Promise<Quote> {
    const quote = await manager.findOne(Quote, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!quote) throw notFound('The quote');
    if (quote.status !== 'open') throw new DomainError('conflict', `The quote is ${quote.status}; only open quotes change`);
    return quote;
  }

  private async pricesVisibleTo(viewer: StaffUser): Promise<boolean> {
    return viewer.role !== 'technician' || (await this.settings()).techniciansSeePrices;
  }

  private setAmounts(quote: Quote, lines: QuoteLineInput[]): void {
    const amounts = quoteAmounts(lines);
    quote.netOre = amounts.net;
    quote.totalOre = amounts.total;
  }

  private async saveLines(manager: EntityManager, quoteId: string, lines: QuoteLineInput[]): Promise<void> {
    await manager.insert(
      QuoteLine,
      lines.map((line, position) => ({
        quoteId,
        position,
        kind: line.kind,
        description: line.description,
        quantity: line.quantity,
        unitPriceOre: toOre(line.unitPrice),
        discountPercent: line.discountPercent ?? 0,
        vatPercent: line.vatPercent ?? 25,
      })),
    );
  }

  /** Not won: P2 from issue and validity. Won: an order, kept for bookkeeping (P7). */
  private async privacyOf(manager: EntityManager, quote: Quote): Promise<Privacy> {
    if (quote.status === 'won') {
      const decided = stockholmDate(quote.decidedAt ?? new Date());
      return computeRetention(await this.policies.get('P7', manager), { financialYearEnd: financialYearEnd(decided, this.config.FINANCIAL_YEAR_END_MONTH) });
    }
    return computeRetention(await this.policies.get('P2', manager), { eventDate: quote.issuedOn, validUntil: quote.validUntil });
  }
}

function toLineInput(line: QuoteLine): QuoteLineInput {
  return { kind: line.kind, description: line.description, quantity: line.quantity, unitPrice: toSek(line.unitPriceOre), discountPercent: line.discountPercent, vatPercent: line.vatPercent };
}

function toListItem(quote: Quote, showPrices: boolean): QuoteListItem {
  const customer = quote.customer;
  return {
    id: quote.id,
    quoteNumber: quote.quoteNumber,
    title: quote.title,
    status: quote.status,
    customerId: quote.customerId,
    customerName: customer ? (customer.organisation?.name ?? `${customer.person?.firstName} ${customer.person?.lastName}`) : null,
    holderId: quote.holderId,
    holderName: quote.holder ? `${quote.holder.firstName} ${quote.holder.lastName}` : '—',
    ownerName: quote.owner.name,
    issuedOn: quote.issuedOn,
    validUntil: quote.validUntil,
    total: showPrices ? toSek(quote.totalOre) : null,
    privacy: toPrivacy(quote),
  };
}
