import { AdditionalBasis, ExpiryAction, LegalBasis, RetentionRule } from '@privdesk/domain';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The policy table: the privacy notice's promises as data. Seeded with P1–P7. */
@Entity()
export class RetentionPolicy {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  /** Raised by one at every saved edit; an edit based on an older version is refused (409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'text' })
  purposeSv!: string;

  @Column({ type: 'text' })
  purposeEn!: string;

  @Column({ type: 'text' })
  dataCategoriesSv!: string;

  @Column({ type: 'text' })
  dataCategoriesEn!: string;

  @Column({ type: 'text' })
  legalBasis!: LegalBasis;

  @Column({ type: 'text' })
  clockStartsSv!: string;

  @Column({ type: 'text' })
  clockStartsEn!: string;

  @Column({ type: 'jsonb' })
  rule!: RetentionRule;

  /** What the cull does with an expired record: delete, anonymise, or put it on the review list. */
  @Column({ type: 'text', default: 'delete' })
  expiryAction!: ExpiryAction;

  /** Further legal bases with what each covers, for the notice; the deadline follows `legalBasis`. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  additionalBases!: AdditionalBasis[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
