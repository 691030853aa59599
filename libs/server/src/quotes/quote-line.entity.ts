import { QuoteLineKind } from '@privdesk/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Quote } from './quote.entity';

const numeric = { to: (value: number) => value, from: (value: string) => Number(value) };

/** One line of a quote; it lives and goes with its quote. Prices in öre, excluding VAT. */
@Entity()
@Index('quote_line_description_fts', { synchronize: false })
@Check('quote_line_kind', `kind IN ('item', 'service')`)
@Check('quote_line_amounts', 'quantity > 0 AND unit_price_ore >= 0 AND discount_percent BETWEEN 0 AND 100 AND vat_percent BETWEEN 0 AND 100')
export class QuoteLine {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Quote, (quote) => quote.lines, { onDelete: 'CASCADE' })
  @JoinColumn()
  quote!: Quote;

  @Index()
  @Column({ type: 'uuid' })
  quoteId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  kind!: QuoteLineKind;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numeric })
  quantity!: number;

  @Column({ type: 'bigint', transformer: numeric })
  unitPriceOre!: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0, transformer: numeric })
  discountPercent!: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, default: 25, transformer: numeric })
  vatPercent!: number;
}
