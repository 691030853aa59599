import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErasureItem, ErasureProposal, ErasureResult, Localised, PersonRecord, stockholmDate } from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../core/errors';
import { SuppressionService } from '../marketing/suppression.service';
import { Person } from '../people/person.entity';
import { scrubMentions } from '../retention/cull-plan';
import { SubjectRequestsService } from '../requests/subject-requests.service';
import { SubjectAccessService } from './subject-access.service';

const REASONS = {
  hold: { sv: 'Uppgifterna omfattas av ett bevarandebeslut (rättsligt anspråk) och får inte raderas ännu.', en: 'The data is under a legal hold (a legal claim) and may not be erased yet.' },
  bookkeeping: {
    sv: 'Bokföringslagen kräver att vi sparar avtal och köp (verifikationer) i sju år efter räkenskapsårets slut.',
    en: 'Bookkeeping law requires us to keep agreements and purchases (vouchers) for seven years after the end of the financial year.',
  },
  agreement: { sv: 'Du har ett pågående avtal med oss; uppgifterna behövs för att fullgöra det.', en: 'You have an ongoing agreement with us; the data is needed to perform it.' },
  device: { sv: 'Din enhet finns fortfarande hos oss; uppgifterna behövs tills den lämnats tillbaka.', en: 'Your device is still with us; the data is needed until it is returned.' },
  keptForRecord: {
    sv: 'Posten behövs för en uppgift vi måste spara; dina personuppgifter tas bort ur den.',
    en: 'The record is needed for something we must keep; your personal data is removed from it.',
  },
  erase: { sv: 'Raderas.', en: 'Erased.' },
  companyRecord: {
    sv: 'Ärendet hör till företaget du representerade och sparas för det; ditt namn och dina kontaktuppgifter tas bort ur det.',
    en: 'The ticket belongs to the company you represented and is kept for it; your name and contact details are removed from it.',
  },
  identityNeeded: {
    sv: 'Ditt namn och dina kontaktuppgifter behövs så länge uppgifterna ovan sparas; de raderas med dem.',
    en: 'Your name and contact details are needed as long as the records above are kept; they are erased with them.',
  },
  requestProof: {
    sv: 'Vi sparar själva begäran och vårt svar i tre år som bevis på att vi besvarat den; dina kontaktuppgifter i övrigt tas bort.',
    en: 'We keep the request itself and our answer for three years as proof that we answered it; your other contact details are removed.',
  },
} satisfies Record<string, Localised>;

/**
 * Erasure (Art. 17) with its exceptions: each record is erased, anonymised, or kept where a basis
 * survives — a legal hold, bookkeeping law, a running agreement — and the person is told which and
 * until when. The objection to marketing is kept as a suppression entry, so it is honoured later.
 */
@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SubjectAccessService,
    private readonly suppression: SuppressionService,
    private readonly requests: SubjectRequestsService,
    private readonly audit: AuditService,
  ) {}

  async propose(personId: string, manager: EntityManager = this.dataSource.manager): Promise<ErasureProposal> {
    const person = await manager.findOneBy(Person, { id: personId });
    if (!person) throw notFound('The person');
    const records = (await this.access.recordsOf(manager, [personId])).get(personId) ?? [];
    const today = stockholmDate(new Date());
    const [{ held }] = await manager.query(`SELECT EXISTS (SELECT 1 FROM legal_hold WHERE person_id = $1 AND released_at IS NULL) AS held`, [personId]);
    const customerIds = records.filter((record) => record.recordType === 'customer').map((record) => record.id);
    const agreements: Array<{ id: string; customer_id: string; title: string; end_date: string | null; retain_until: string | null }> = customerIds.length
      ? await manager.query(`SELECT id, customer_id, title, end_date::text, retain_until::text FROM agreement WHERE customer_id = ANY($1)`, [customerIds])
      : [];
    const running = new Set(agreements.filter((a) => a.end_date === null || a.end_date >= today).map((a) => a.customer_id));
    const items: ErasureItem[] = [];
    const item = (record: PersonRecord, outcome: ErasureItem['outcome'], reason: Localised, keptUntil: string | null = null) =>
      items.push({ recordType: record.recordType, id: record.id, label: record.description, purpose: record.privacy.purpose, outcome, reason, keptUntil });

    for (const record of records) {
      if (held) {
        item(record, 'keep', REASONS.hold);
        continue;
      }
      switch (record.recordType) {
        case 'customer':
          if (running.has(record.id)) item(record, 'keep', REASONS.agreement);
          else if (agreements.some((a) => a.customer_id === record.id) || (await this.hasOrders(manager, record.id))) item(record, 'anonymise', REASONS.keptForRecord);
          else item(record, 'erase', REASONS.erase);
          break;
        case 'quote':
          if (record.privacy.purpose === 'P7') item(record, 'anonymise', REASONS.bookkeeping, record.privacy.retainUntil);
          else item(record, 'erase', REASONS.erase);
          break;
        case 'ticket':
          if (record.customerId && running.has(record.customerId)) item(record, 'keep', REASONS.agreement);
          // A company's support history is the company's: the requester is taken out of it.
          else if (record.customerId && (await this.isCompany(manager, record.customerId))) item(record, 'anonymise', REASONS.companyRecord);
          else item(record, 'erase', REASONS.erase);
          break;
        case 'device_checkin': {
          const [{ returned }] = await manager.query(`SELECT returned_at IS NOT NULL AS returned FROM device_checkin WHERE id = $1`, [record.id]);
          item(record, returned ? 'erase' : 'keep', returned ? REASONS.erase : REASONS.device);
          break;
        }
        case 'subject_request':
          item(record, 'anonymise', REASONS.requestProof, record.privacy.retainUntil);
          break;
        default:
          item(record, 'erase', REASONS.erase);
      }
    }
    // Agreements hold no personal data of their own but are why a customer stays: the person is told.
    for (const agreement of agreements) {
      items.push({
        recordType: 'agreement',
        id: agreement.id,
        label: `Agreement: ${agreement.title}`,
        purpose: 'P7',
        outcome: 'keep',
        reason: held ? REASONS.hold : REASONS.bookkeeping,
        keptUntil: agreement.retain_until,
      });
    }
    // The person: kept as is while a kept record needs to know who he or she is; anonymised when
    // only records kept for their own sake remain (orders, the request); otherwise erased.
    const keepsIdentity = items.some((i) => i.outcome === 'keep' && i.recordType !== 'agreement');
    const keepsRecords = items.some((i) => i.outcome === 'anonymise');
    items.push({
      recordType: 'person',
      id: personId,
      label: `${person.firstName} ${person.lastName}`,
      purpose: person.purpose,
      outcome: keepsIdentity ? 'keep' : keepsRecords ? 'anonymise' : 'erase',
      reason: keepsIdentity ? REASONS.identityNeeded : keepsRecords ? REASONS.keptForRecord : REASONS.erase,
      keptUntil: null,
    });
    return { personId, personName: `${person.firstName} ${person.lastName}`, items };
  }

  async erase(personId: string, requestId: string | null, actorId: string): Promise<ErasureResult> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM person WHERE id = $1 FOR UPDATE', [personId]);
      const proposal = await this.propose(personId, manager);
      const person = await manager.findOneByOrFail(Person, { id: personId });
      const byOutcome = (outcome: ErasureItem['outcome'], type?: string) => proposal.items.filter((i) => i.outcome === outcome && (!type || i.recordType === type)).map((i) => i.id);
      const personOutcome = proposal.items.find((i) => i.recordType === 'person')?.outcome ?? 'keep';

      // The person's mentions in free text go first, while the name is still known — unless kept records still need them.
      if (personOutcome !== 'keep') await scrubMentions(manager, [personId]);
      const erase = async (table: string, type: string) => {
        const ids = byOutcome('erase', type);
        if (ids.length) {
          await manager.query('DELETE FROM staff_task WHERE record_id = ANY($1)', [ids]);
          await manager.query(`DELETE FROM ${table} WHERE id = ANY($1)`, [ids]);
        }
        return ids.length;
      };
      let erased = 0;
      for (const [table, type] of [
        ['ticket', 'ticket'],
        ['device_checkin', 'device_checkin'],
        ['quote', 'quote'],
        ['marketing_contact', 'marketing_contact'],
        ['applicant', 'applicant'],
        ['inquiry', 'inquiry'],
        ['contact_person', 'contact_person'],
      ] as const) {
        erased += await erase(table, type);
      }
      const customers = byOutcome('erase', 'customer');
      if (customers.length) {
        await manager.query('DELETE FROM customer WHERE id = ANY($1)', [customers]);
        erased += customers.length;
      }
      const anonymisedCustomers = byOutcome('anonymise', 'customer');
      if (anonymisedCustomers.length) await manager.query('UPDATE customer SET anonymised_at = now() WHERE id = ANY($1)', [anonymisedCustomers]);
      const tickets = byOutcome('anonymise', 'ticket');
      if (tickets.length) await manager.query('UPDATE ticket SET requester_id = NULL WHERE id = ANY($1)', [tickets]);
      const requests = byOutcome('anonymise', 'subject_request');
      if (requests.length) await manager.query(`UPDATE subject_request SET requester_contact = NULL, person_id = NULL WHERE id = ANY($1)`, [requests]);

      // The objection is kept (hashed), so the person is never re-imported into marketing.
      if (person.email) await this.suppression.suppress(person.email, 'erasure', manager);
      if (personOutcome === 'anonymise') {
        await manager.query(
          `UPDATE person SET first_name = 'Anonymiserad', last_name = 'person', email = NULL, phone = NULL, street = NULL, postal_code = NULL, city = NULL, personnummer = NULL, anonymised_at = now() WHERE id = $1`,
          [personId],
        );
      } else if (personOutcome === 'erase') {
        await manager.query('UPDATE subject_request SET person_id = NULL WHERE person_id = $1', [personId]);
        await manager.query('DELETE FROM legal_hold WHERE person_id = $1 AND released_at IS NOT NULL', [personId]);
        await manager.query('DELETE FROM person WHERE id = $1', [personId]);
        erased++;
      }
      const kept = proposal.items.filter((i) => i.outcome === 'keep' || (i.outcome === 'anonymise' && i.recordType !== 'customer' && i.recordType !== 'person'));
      const result: ErasureResult = {
        erased,
        anonymised: proposal.items.filter((i) => i.outcome === 'anonymise').length,
        kept: kept.map(({ recordType, purpose, outcome, reason, keptUntil }) => ({ recordType, purpose, outcome, reason, keptUntil })),
        letter: letterFor(kept),
      };
      // Counts only: the trail holds no personal data once the person is gone.
      await this.audit.record(
        { actorId, action: 'person.erased', entityType: 'subject_request', entityId: requestId, fields: [], details: { erased: result.erased, anonymised: result.anonymised, kept: kept.length } },
        manager,
      );
      if (requestId) await this.requests.appendToAnswerDraft(manager, requestId, `${result.letter.sv}\n\n${result.letter.en}`);
      return result;
    });
  }

  private async isCompany(manager: EntityManager, customerId: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT type FROM customer WHERE id = $1`, [customerId]);
    return row?.type === 'organisation';
  }

  private async hasOrders(manager: EntityManager, customerId: string): Promise<boolean> {
    const [{ exists }] = await manager.query(`SELECT EXISTS (SELECT 1 FROM quote WHERE customer_id = $1 AND status = 'won') AS exists`, [customerId]);
    return exists;
  }
}

function letterFor(kept: Array<Pick<ErasureItem, 'reason' | 'keptUntil' | 'recordType'>>): Localised {
  if (!kept.length) {
    return { sv: 'Vi har raderat alla personuppgifter om dig.', en: 'We have erased all personal data about you.' };
  }
  const lines = (lang: 'sv' | 'en') =>
    [...new Set(kept.map((item) => `- ${item.reason[lang]}${item.keptUntil ? (lang === 'sv' ? ` (sparas t.o.m. ${item.keptUntil})` : ` (kept until ${item.keptUntil})`) : ''}`))].join('\n');
  return {
    sv: `Vi har raderat eller anonymiserat dina personuppgifter, utom följande som vi måste eller får spara:\n${lines('sv')}\nNär tiden gått ut raderas även dessa.`,
    en: `We have erased or anonymised your personal data, except the following, which we must or may keep:\n${lines('en')}\nWhen that time has passed, these are erased too.`,
  };
}
