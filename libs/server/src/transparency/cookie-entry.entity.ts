import { CookieCategory, CookieSite } from '@privdesk/domain';
import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonalData } from '../privacy/registry';

/** A cookie on the company's web site or in Privdesk itself, as the notice lists it. */
@Entity()
@NotPersonalData('Names cookies and their providers, not people.', 'cookie_entry')
@Check('cookie_entry_category', `category IN ('necessary', 'optional')`)
@Check('cookie_entry_site', `site IN ('website', 'privdesk')`)
export class CookieEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  site!: CookieSite;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  provider!: string;

  @Column({ type: 'text' })
  durationSv!: string;

  @Column({ type: 'text' })
  durationEn!: string;

  @Column({ type: 'text' })
  purposeSv!: string;

  @Column({ type: 'text' })
  purposeEn!: string;

  @Column({ type: 'text' })
  category!: CookieCategory;
}
