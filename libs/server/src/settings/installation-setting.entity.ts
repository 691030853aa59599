import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Installation-wide values kept with the data, e.g. the key of the certificates' id hashes. */
@Entity()
export class InstallationSetting {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  value!: string;
}
