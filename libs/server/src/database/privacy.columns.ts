import { LEGAL_BASES, LegalBasis, Privacy } from '@privdesk/domain';
import { Column, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RetentionPolicy } from '../policies/retention-policy.entity';

/**
 * Why a record holding personal data is kept and until when, beside the record's `purpose`
 * (a column of its own, referencing the policy table). Embedded with no prefix:
 * legal_basis, retain_until, retention_rule, retention_rule_sv.
 */
export class PrivacyColumns {
  @Column({ type: 'text' })
  legalBasis!: LegalBasis;

  @Index()
  @Column({ type: 'date', nullable: true })
  retainUntil!: string | null;

  @Column({ type: 'text', name: 'retention_rule' })
  rule!: string;

  @Column({ type: 'text', name: 'retention_rule_sv' })
  ruleSv!: string;

  /** Set when the cull anonymised the record (kept for another record's sake); it is not culled again. */
  @Column({ type: 'timestamptz', nullable: true })
  anonymisedAt?: Date | null;
}

/**
 * What every entity holding personal data extends: the policy that governs it (`purpose`, a
 * foreign key into the policy table — a record without one cannot exist) and its privacy columns.
 */
export abstract class PersonalDataRecord {
  @Column({ type: 'text' })
  purpose!: string;

  @ManyToOne(() => RetentionPolicy, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'purpose' })
  policy?: RetentionPolicy;

  @Column(() => PrivacyColumns, { prefix: false })
  privacy!: PrivacyColumns;
}

export const LEGAL_BASIS_CHECK = `legal_basis IN (${LEGAL_BASES.map((basis) => `'${basis}'`).join(', ')})`;

export function toPrivacy(record: { purpose: string; privacy: PrivacyColumns }): Privacy {
  const { legalBasis, retainUntil, rule, ruleSv } = record.privacy;
  return { purpose: record.purpose, legalBasis, retainUntil, rule, ruleSv };
}

/** Writes a computed privacy onto a record. */
export function applyPrivacy(record: { purpose: string; privacy: PrivacyColumns }, privacy: Privacy): void {
  record.purpose = privacy.purpose;
  record.privacy = Object.assign(new PrivacyColumns(), {
    legalBasis: privacy.legalBasis,
    retainUntil: privacy.retainUntil,
    rule: privacy.rule,
    ruleSv: privacy.ruleSv,
  });
}
