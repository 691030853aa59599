import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreatePartnerContact, PARTNER_KINDS, PartnerKind, UpdatePartnerContact } from '@privdesk/domain';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../core/page-query.dto';
import { IsCalendarDate, NestedObject, TrimToNull, IsRecordVersion } from '../core/validators';
import { PersonInputDto, PersonUpdateDto } from '../people/person-input.dto';

const KIND_MESSAGE = 'Say whether the organisation is a supplier or a partner';

export class CreatePartnerContactDto implements CreatePartnerContact {
  @ApiPropertyOptional({ description: 'A person already registered' })
  @ValidateIf((dto: CreatePartnerContactDto) => dto.person === undefined)
  @IsUUID('all', { message: 'Choose the person or enter a new one' })
  personId?: string;

  @ApiPropertyOptional({ type: PersonInputDto })
  @ValidateIf((dto: CreatePartnerContactDto) => dto.personId === undefined || dto.person !== undefined)
  @IsDefined({ message: 'Choose the person or enter a new one' })
  @NestedObject(() => PersonInputDto)
  person?: PersonInputDto;

  @ApiPropertyOptional({ description: 'After a person_exists answer: the person registered with this e-mail address is meant (blank fields filled in)' })
  @IsOptional()
  @IsUUID()
  existingPersonId?: string;

  @ApiProperty({ example: 'Leverantören AB' })
  @TrimToNull()
  @MaxLength(200)
  @MinLength(1, { message: 'Enter the organisation' })
  @IsString({ message: 'Enter the organisation' })
  organisationName!: string;

  @ApiProperty({ enum: PARTNER_KINDS }) @IsIn(PARTNER_KINDS, { message: KIND_MESSAGE }) kind!: PartnerKind;
  @ApiPropertyOptional({ example: 'Account manager' }) @IsOptional() @TrimToNull() @IsString() @MaxLength(100) title?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(2000) notes?: string | null;
  @ApiPropertyOptional({ format: 'date', description: 'The last contact with the person; today when left out' }) @IsOptional() @IsCalendarDate() lastContactOn?: string;
  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'The day the business relationship ended' }) @IsOptional() @IsCalendarDate() relationshipEndedOn?: string | null;
}

export class UpdatePartnerContactDto implements UpdatePartnerContact {
  @IsRecordVersion()
  version!: number;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @TrimToNull()
  @MaxLength(200)
  @MinLength(1, { message: 'Enter the organisation' })
  @IsString({ message: 'Enter the organisation' })
  organisationName?: string;

  @ApiPropertyOptional({ enum: PARTNER_KINDS }) @IsOptional() @IsIn(PARTNER_KINDS, { message: KIND_MESSAGE }) kind?: PartnerKind;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(100) title?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(2000) notes?: string | null;
  @ApiPropertyOptional({ format: 'date' }) @ValidateIf((_, value) => value !== undefined) @IsCalendarDate() lastContactOn?: string;
  @ApiPropertyOptional({ format: 'date', nullable: true }) @IsOptional() @IsCalendarDate() relationshipEndedOn?: string | null;

  @ApiPropertyOptional({ type: PersonUpdateDto })
  @IsOptional()
  @NestedObject(() => PersonUpdateDto)
  person?: PersonUpdateDto;
}

export class PartnerContactQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTNER_KINDS }) @IsOptional() @IsIn(PARTNER_KINDS, { message: KIND_MESSAGE }) kind?: PartnerKind;
}
