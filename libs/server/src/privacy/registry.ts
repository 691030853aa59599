import { Localised } from '@privdesk/domain';

/**
 * The personal-data registry: every table that holds personal data declares here, once and next
 * to its entity, what it holds and how the law treats it. Deadline recompute, the policy preview,
 * the cull and its preview, the retention report, "find a person everywhere", the access export
 * and the erasure proposal iterate these declarations; none of them names another area's table.
 *
 * This folder is the bottom floor: every feature area imports it, it imports none of them.
 * How to declare a new table: docs/decisions/0011-personal-data-registry.md.
 */

/**
 * The facts a policy's rule reads, as SQL over the record (alias `t`). Which of them a rule uses
 * depends on the rule's kind (see registry-sql.ts); a table gives those its policies need.
 */
export interface ClockDeclaration {
  /** The event that starts the clock, as a date: registered, received, issued, submitted. */
  event?: string;
  /** Quotes: the last day of validity. */
  validUntil?: string;
  /** Agreement-bound records: the customer whose agreements drive the clock. */
  agreementsOf?: string;
  /** Only agreements still running on the event's day count (work done after every agreement ended was not done under one). */
  agreementsFromEvent?: boolean;
  /** The role ended on its own (a contact person left). */
  endedOn?: string;
  /** Bookkeeping: the day whose financial year the record belongs to (null: not yet known). */
  financialDay?: string;
}

/** Why a record outlives an erasure request, in words the erasure letter uses. */
export type ErasureKeepReason = 'bookkeeping' | 'agreement' | 'device' | 'requestProof' | 'companyRecord' | 'keptForRecord';

export interface ErasureRule {
  /** SQL condition over the record (alias `t`); `$2` is today (Stockholm). */
  when: string;
  outcome: 'keep' | 'anonymise';
  reason: ErasureKeepReason;
  /** Whether the record's own deadline is the date it is kept until. */
  untilDeadline?: boolean;
}

/** A table whose rows go with the record: entries, documents, tasks, mails. */
export interface DependantDeclaration {
  table: string;
  /** The column holding the record's id. */
  column: string;
  /** Free-text columns of the dependant where people's names and contact details turn up. */
  freeText?: string[];
  /** When set, the dependant's rows are matched on this column too (e.g. `record_type`). */
  typeColumn?: string;
  /** Removed by a foreign key's ON DELETE CASCADE already; listed so the schema test and the export know. */
  cascades?: boolean;
}

export interface PersonalDataDeclaration {
  /** The entity's class name (filled in by the decorator). */
  entity?: string;
  /** Stable name of the record type: in certificates, holds, reviews, exports. Usually the table. */
  recordType: string;
  table: string;
  /** The record type in words. */
  name: Localised;
  /** The policies whose rules may govern this table's records (the `purpose` column names one). */
  policies: string[];
  /** The columns referring to people; the person a record is about comes first. */
  personColumns: string[];
  /** Person columns that are NOT NULL: the person cannot be taken out of the record, only anonymised. */
  requiredPersonColumns?: string[];
  /** The customer the record belongs to; a private customer's person is its subject too. */
  customerColumn?: string;
  /** Columns of the row itself that hold personal data (names, contact details, free text). */
  personalColumns: string[];
  /** Free-text columns of the row where people's names and contact details turn up; scrubbed when a person goes. */
  freeText: string[];
  /** The facts its policies' rules read. */
  clock: ClockDeclaration;
  /**
   * What the cull does to an expired record: `delete` it with its dependants, or, while other
   * records still refer to it (`anonymise-while-referenced`), only mark it anonymised.
   */
  cull: 'delete' | 'anonymise-while-referenced';
  /** SQL assignments (besides `anonymised_at`) when a record is anonymised rather than deleted. */
  anonymise?: string;
  /** Rows this record alone refers to (e.g. a company's details), removed with it when nothing else refers to them. */
  owns?: Array<{ table: string; column: string }>;
  /** The person plays a role through this record that keeps him or her (false: e.g. a won order, kept for its own sake). */
  role?: { name: Localised; where?: string };
  /** What may keep the record past an erasure request, first match wins; otherwise it is erased. */
  erasure: ErasureRule[];
  /** Rows in other tables that go with the record. */
  dependants: DependantDeclaration[];
  /** SQL (alias `t`): the person's title in the record (a contact person's role at the customer). */
  roleTitle?: string;
  /** SQL (alias `t`) naming the record for staff (admins only): lists, previews, holds. */
  label: string;
  /** SQL (alias `t`) describing the record to the person, in English and Swedish. */
  describe: Localised;
  /** Where the data came from, for the access export. */
  source: Localised;
  /** Cull order: records before the records they refer to, people last. */
  order: number;
}

/** A table that holds personal data only as part of a declared record (e.g. a company's own details belong to the customer). */
export interface PartOfDeclaration {
  table: string;
  partOf: string;
  why: string;
}

/** A table whose columns look personal but are not the data subjects' (staff accounts, keyed hashes). */
export interface NotPersonalDataDeclaration {
  table: string;
  because: string;
}

const records = new Map<string, PersonalDataDeclaration>();
const parts = new Map<string, PartOfDeclaration>();
const exempt = new Map<string, NotPersonalDataDeclaration>();

/** Declares an entity's table in the registry; used as a class decorator beside `@Entity()`. */
export function HoldsPersonalData(declaration: PersonalDataDeclaration): ClassDecorator {
  return (target) => {
    records.set(declaration.recordType, { ...declaration, entity: target.name });
  };
}

/** Declares a table whose personal data belongs to another declared record. */
export function PartOfPersonalData(declaration: PartOfDeclaration): ClassDecorator {
  return () => {
    parts.set(declaration.table, declaration);
  };
}

/** Declares, with the reason, that a table holds no data subject's personal data. */
export function NotPersonalData(because: string, table: string): ClassDecorator {
  return () => {
    exempt.set(table, { table, because });
  };
}

/** Every declared record type, in cull order (people last). */
export function personalDataTables(): PersonalDataDeclaration[] {
  return [...records.values()].sort((a, b) => a.order - b.order);
}

export function personalDataTable(recordType: string): PersonalDataDeclaration {
  const declaration = records.get(recordType);
  if (!declaration) throw new Error(`No personal-data declaration for ${recordType}`);
  return declaration;
}

export function isRecordType(recordType: string): boolean {
  return records.has(recordType);
}

/** The tables whose records a policy may govern. */
export function tablesGovernedBy(policy: string): PersonalDataDeclaration[] {
  return personalDataTables().filter((declaration) => declaration.policies.includes(policy));
}

export function partOfDeclarations(): PartOfDeclaration[] {
  return [...parts.values()];
}

export function notPersonalDataDeclarations(): NotPersonalDataDeclaration[] {
  return [...exempt.values()];
}

/** Every table and column that refers to a person (the person table itself excluded). */
export function personReferenceColumns(): Array<{ table: string; column: string; required: boolean }> {
  return personalDataTables()
    .filter((declaration) => declaration.recordType !== 'person')
    .flatMap((declaration) =>
      declaration.personColumns.map((column) => ({ table: declaration.table, column, required: (declaration.requiredPersonColumns ?? []).includes(column) })),
    );
}

/** Every table and column that refers to a customer. */
export function customerReferenceColumns(): Array<{ table: string; column: string }> {
  return personalDataTables()
    .filter((declaration) => declaration.customerColumn && declaration.recordType !== 'customer')
    .map((declaration) => ({ table: declaration.table, column: declaration.customerColumn as string }));
}

/** Every free-text column, of records and their dependants. */
export function freeTextColumns(): Array<{ table: string; column: string }> {
  return personalDataTables().flatMap((declaration) => [
    ...declaration.freeText.map((column) => ({ table: declaration.table, column })),
    ...declaration.dependants.flatMap((dependant) => (dependant.freeText ?? []).map((column) => ({ table: dependant.table, column }))),
  ]);
}
