import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErasureItem, ErasureProposal, ErasureResult, Localised, stockholmDate } from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../core/errors';
import { SuppressionService } from '../marketing/suppression.service';
import { Person } from '../people/person.entity';
import { anonymisePeople, deletePeople, recomputePeople, scrubMentions } from '../privacy/people-lifecycle';
import { PersonalDataDeclaration, personalDataTable, personalDataTables } from '../privacy/registry';
import { deleteRecords } from '../privacy/records';
import { SubjectRequestsService } from '../requests/subject-requests.service';
import { certifyErasure } from '../retention/erasure-certificate';
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
    const [{ held }] = await manager.query(`SELECT EXISTS (SELECT 1 FROM legal_hold WHERE person_id = $1 AND released_at IS NULL AND (until IS NULL OR until >= $2)) AS held`, [
      personId,
      today,
    ]);
    const items: ErasureItem[] = [];
    for (const declaration of personalDataTables()) {
      const ofType = records.filter((record) => record.recordType === declaration.recordType);
      if (!ofType.length) continue;
      const decisions = await this.decide(manager, declaration, ofType.map((record) => record.id), today);
      for (const record of ofType) {
        const decision = held ? { outcome: 'keep' as const, reason: 'hold' as const, untilDeadline: false } : decisions.get(record.id);
        items.push({
          recordType: record.recordType,
          id: record.id,
          label: record.description,
          labelSv: record.descriptionSv,
          purpose: record.privacy.purpose,
          outcome: decision?.outcome ?? 'erase',
          reason: REASONS[decision?.reason ?? 'erase'],
          keptUntil: decision?.untilDeadline ? record.privacy.retainUntil : null,
        });
      }
    }
    // A customer stays (anonymised) while a record that is not erased still belongs to it.
    for (const item of items) {
      if (item.recordType !== 'customer' || item.outcome !== 'erase') continue;
      const belongs = records.filter((record) => record.customerId === item.id && record.recordType !== 'customer');
      if (belongs.some((record) => items.find((other) => other.recordType === record.recordType && other.id === record.id)?.outcome !== 'erase')) {
        Object.assign(item, { outcome: 'anonymise', reason: REASONS.keptForRecord });
      }
    }
    const outcome = this.personOutcome(items);
    items.push({
      recordType: 'person',
      id: personId,
      label: `${person.firstName} ${person.lastName}`,
      labelSv: `${person.firstName} ${person.lastName}`,
      purpose: person.purpose,
      outcome,
      reason: outcome === 'keep' ? REASONS.identityNeeded : outcome === 'anonymise' ? REASONS.keptForRecord : REASONS.erase,
      keptUntil: null,
    });
    return { personId, personName: `${person.firstName} ${person.lastName}`, items };
  }

  /**
   * The person: kept as is while a kept record needs to know who he or she is; anonymised while a
   * record kept for its own sake still refers to him or her in a way that cannot be taken out (a
   * customer, a required role); otherwise erased.
   */
  private personOutcome(items: ErasureItem[]): ErasureItem['outcome'] {
    if (items.some((item) => item.outcome === 'keep')) return 'keep';
    const needsPerson = items.some(
      (item) => item.outcome === 'anonymise' && (item.recordType === 'customer' || (personalDataTable(item.recordType).requiredPersonColumns ?? []).length > 0),
    );
    return needsPerson ? 'anonymise' : 'erase';
  }

  /** The declared erasure rules of a table, evaluated for these records (first match wins; a record-level hold first). */
  private async decide(manager: EntityManager, declaration: PersonalDataDeclaration, ids: string[], today: string) {
    const rules = declaration.erasure;
    const branches = rules.map((rule, index) => `WHEN ${rule.when} THEN ${index}`).join(' ');
    const rows: Array<{ id: string; held: boolean; rule: number | null }> = await manager.query(
      `SELECT t.id, EXISTS (SELECT 1 FROM legal_hold h WHERE h.released_at IS NULL AND (h.until IS NULL OR h.until >= $2) AND h.record_type = $3 AND h.record_id = t.id) AS held,
              ${rules.length ? `CASE ${branches} ELSE NULL END` : 'NULL::int'} AS rule
         FROM ${declaration.table} t WHERE t.id = ANY($1)`,
      [ids, today, declaration.recordType],
    );
    const decisions = new Map<string, { outcome: 'keep' | 'anonymise'; reason: keyof typeof REASONS; untilDeadline: boolean }>();
    for (const row of rows) {
      if (row.held) decisions.set(row.id, { outcome: 'keep', reason: 'hold', untilDeadline: false });
      else if (row.rule !== null) {
        const rule = rules[row.rule];
        decisions.set(row.id, { outcome: rule.outcome, reason: rule.reason, untilDeadline: !!rule.untilDeadline });
      }
    }
    return decisions;
  }

  async erase(personId: string, requestId: string | null, actorId: string): Promise<ErasureResult> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM person WHERE id = $1 FOR UPDATE', [personId]);
      const proposal = await this.propose(personId, manager);
      const person = await manager.findOneByOrFail(Person, { id: personId });
      const personOutcome = proposal.items.find((i) => i.recordType === 'person')?.outcome ?? 'keep';
      if (requestId) await this.requests.lockOpen(manager, requestId);

      // The person's mentions in free text go first, while the name is still known — unless kept records still need them.
      if (personOutcome !== 'keep') await scrubMentions(manager, [personId]);
      for (const declaration of personalDataTables()) {
        if (declaration.recordType === 'person') continue;
        const ids = (outcome: ErasureItem['outcome']) => proposal.items.filter((i) => i.recordType === declaration.recordType && i.outcome === outcome).map((i) => i.id);
        const anonymised = ids('anonymise');
        if (anonymised.length) {
          // Taken out of records kept for their own sake; a customer kept for them is marked anonymised.
          const nullable = declaration.personColumns.filter((column) => !(declaration.requiredPersonColumns ?? []).includes(column));
          const sets = [...nullable.map((column) => `${column} = CASE WHEN ${column} = $2 THEN NULL ELSE ${column} END`), declaration.anonymise].filter(Boolean);
          if (declaration.cull === 'anonymise-while-referenced') sets.push('anonymised_at = now()');
          if (sets.length) await manager.query(`UPDATE ${declaration.table} SET ${sets.join(', ')} WHERE id = ANY($1)`, [anonymised, personId]);
        }
        await deleteRecords(manager, declaration, ids('erase'));
      }

      // The objection is kept (hashed), so the person is never re-imported into marketing.
      if (person.email) await this.suppression.suppress(person.email, 'erasure', manager);
      if (personOutcome === 'anonymise') await anonymisePeople(manager, [personId]);
      else if (personOutcome === 'erase') await deletePeople(manager, [personId]);
      else await recomputePeople(manager, [personId]);
      // Certified like a cull, so re-applying deletions after a restore erases the person again.
      await certifyErasure(manager, proposal.items);

      const count = (outcome: ErasureItem['outcome']) => proposal.items.filter((i) => i.outcome === outcome).length;
      const kept = proposal.items.filter((i) => i.outcome === 'keep' || (i.outcome === 'anonymise' && i.recordType !== 'customer' && i.recordType !== 'person'));
      const result: ErasureResult = {
        erased: count('erase'),
        anonymised: count('anonymise'),
        kept: kept.map(({ recordType, purpose, outcome, reason, keptUntil }) => ({ recordType, purpose, outcome, reason, keptUntil })),
        letter: letterFor(kept),
      };
      // Counts only: the trail holds no personal data once the person is gone.
      await this.audit.record(
        { actorId, action: 'person.erased', entityType: 'subject_request', entityId: requestId, fields: [], details: { erased: result.erased, anonymised: result.anonymised, kept: kept.length } },
        manager,
      );
      if (requestId) await this.requests.completeWithErasure(manager, requestId, result, actorId);
      return result;
    });
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
