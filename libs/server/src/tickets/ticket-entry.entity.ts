import { PartAction, TicketEntryKind } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import { Ticket } from './ticket.entity';

/** One line of a ticket's timeline; it lives and goes with its ticket. */
@Entity()
@Check('ticket_entry_kind', `kind IN ('note', 'message', 'time', 'part')`)
@Check('ticket_entry_part', `part_action IS NULL OR part_action IN ('repaired', 'replaced', 'installed')`)
@Index('ticket_entry_body_fts', { synchronize: false })
export class TicketEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Ticket, (ticket) => ticket.entries, { onDelete: 'CASCADE' })
  @JoinColumn()
  ticket!: Ticket;

  @Index()
  @Column({ type: 'uuid' })
  ticketId!: string;

  @Column({ type: 'text' })
  kind!: TicketEntryKind;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'integer', nullable: true })
  minutes!: number | null;

  @Column({ type: 'text', nullable: true })
  partAction!: PartAction | null;

  @Column({ type: 'text', nullable: true })
  partName!: string | null;

  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  author!: StaffUser | null;

  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
