import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateMarketingContact, MARKETING_AUDIENCES, MARKETING_SOURCES, MarketingAudience, MarketingSendRequest, MarketingSource } from '@privdesk/domain';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../core/page-query.dto';
import { IsCalendarDate, NestedObject, TrimToNull } from '../core/validators';
import { PersonInputDto } from '../people/person-input.dto';

export class CreateMarketingContactDto implements CreateMarketingContact {
  @ApiPropertyOptional()
  @ValidateIf((dto: CreateMarketingContactDto) => dto.person === undefined)
  @IsUUID('all', { message: 'Choose the person or enter a new one' })
  personId?: string;

  @ApiPropertyOptional({ type: PersonInputDto })
  @ValidateIf((dto: CreateMarketingContactDto) => dto.personId === undefined || dto.person !== undefined)
  @IsDefined({ message: 'Choose the person or enter a new one' })
  @NestedObject(() => PersonInputDto)
  person?: PersonInputDto;

  @ApiPropertyOptional({ description: 'After a person_exists answer: the person registered with this e-mail address is meant (blank fields filled in)' })
  @IsOptional()
  @IsUUID()
  existingPersonId?: string;

  @ApiProperty({ enum: MARKETING_AUDIENCES }) @IsIn(MARKETING_AUDIENCES, { message: 'audience must be consumer or business' }) audience!: MarketingAudience;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(200) companyName?: string | null;
  @ApiProperty({ enum: MARKETING_SOURCES }) @IsIn(MARKETING_SOURCES, { message: 'Say where the contact details came from' }) source!: MarketingSource;
  @ApiProperty() @IsCalendarDate() receivedOn!: string;
  @ApiProperty() @IsBoolean() consent!: boolean;
  @ApiPropertyOptional() @ValidateIf((dto: CreateMarketingContactDto) => dto.consent === true) @TrimToNull() @IsString({ message: 'Record the words the person consented to' }) @MinLength(1) @MaxLength(2000) consentText?: string | null;
}

export class MarketingSendDto implements MarketingSendRequest {
  @ApiProperty() @TrimToNull() @IsString({ message: 'Write a subject' }) @MinLength(1, { message: 'Write a subject' }) @MaxLength(200) subject!: string;
  @ApiProperty() @TrimToNull() @IsString({ message: 'Write the message' }) @MinLength(1, { message: 'Write the message' }) @MaxLength(20000) body!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() dryRun?: boolean;
}

export class MarketingContactQueryDto extends PageQueryDto {}
