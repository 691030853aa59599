import { Role } from '@privdesk/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonalData } from '../privacy/registry';

@Entity()
@NotPersonalData('Staff accounts: the company’s own users, deactivated rather than culled; not data subjects of the helpdesk’s records.', 'staff_user')
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Raised by one at every saved edit; an edit based on an older version is refused (409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** Stored lower-case. */
  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** argon2id PHC string. */
  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** An admin who recruits: the only staff who may open applicants' sensitive documents. */
  @Column({ type: 'boolean', default: false })
  recruiter!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}
