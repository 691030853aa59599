import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PartOfPersonalData } from '../privacy/registry';

/** Keeps a person (all his or her records) or one record from being culled, for a stated reason. */
@Entity()
@PartOfPersonalData({ table: 'legal_hold', partOf: 'person', why: 'A hold on a person keeps his or her records; released holds go with the person.' })
@Check('legal_hold_target', '(person_id IS NOT NULL) OR (record_type IS NOT NULL AND record_id IS NOT NULL)')
export class LegalHold {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  @Column({ type: 'text', nullable: true })
  recordType!: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  recordId!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'date', nullable: true })
  until!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  releasedBy!: string | null;
}
