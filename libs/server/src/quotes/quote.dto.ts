import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateQuoteRequest,
  LoseQuoteRequest,
  QUOTE_LINE_KINDS,
  QUOTE_STATUSES,
  QuoteLineInput,
  QuoteLineKind,
  QuoteQuery,
  QuoteSettings,
  QuoteStatus,
  RenewQuoteRequest,
  UpdateQuoteRequest,
  WinQuoteRequest,
} from '@privdesk/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../core/page-query.dto';
import { IsCalendarDate, NestedObject, NestedObjects, TrimToNull, IsRecordVersion } from '../core/validators';
import { PersonInputDto } from '../people/person-input.dto';

const Text = (max: number, message: string) => applyDecorators(TrimToNull(), IsString({ message }), MinLength(1, { message }), MaxLength(max));
const Percent = () => applyDecorators(IsNumber({ maxDecimalPlaces: 2 }, { message: 'A percentage with at most two decimals' }), Min(0), Max(100));

export class QuoteLineDto implements QuoteLineInput {
  @ApiProperty({ enum: QUOTE_LINE_KINDS }) @IsIn(QUOTE_LINE_KINDS, { message: 'kind must be item or service' }) kind!: QuoteLineKind;
  @ApiProperty() @Text(500, 'Describe the line') description!: string;
  @ApiProperty({ example: 2 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Enter a quantity with at most two decimals' })
  @Min(0.01, { message: 'The quantity must be more than 0' })
  @Max(1_000_000)
  quantity!: number;
  @ApiProperty({ example: 12990, description: 'SEK excluding VAT' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Enter a price in SEK with at most two decimals' })
  @Min(0)
  @Max(100_000_000)
  unitPrice!: number;
  @ApiPropertyOptional({ example: 0 }) @IsOptional() @Percent() discountPercent?: number;
  @ApiPropertyOptional({ example: 25 }) @IsOptional() @Percent() vatPercent?: number;
}

export class CreateQuoteDto implements CreateQuoteRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID() holderId?: string | null;
  @ApiPropertyOptional({ type: PersonInputDto }) @IsOptional() @NestedObject(() => PersonInputDto) holder?: PersonInputDto;
  @ApiPropertyOptional({ description: 'After a person_exists answer: the person registered with the holder’s e-mail address is meant' })
  @IsOptional()
  @IsUUID()
  existingPersonId?: string;
  @ApiProperty() @Text(200, 'Give the quote a title') title!: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() issuedOn?: string;
  @ApiProperty() @IsCalendarDate() validUntil!: string;
  @ApiProperty({ type: [QuoteLineDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'A quote needs at least one line' })
  @ArrayMaxSize(200)
  @NestedObjects(() => QuoteLineDto)
  lines!: QuoteLineDto[];
}

export class UpdateQuoteDto implements UpdateQuoteRequest {
  @IsRecordVersion()
  version!: number;

  @ApiPropertyOptional() @ValidateIf((_, v) => v !== undefined) @Text(200, 'Give the quote a title') title?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() validUntil?: string;
  @ApiPropertyOptional({ type: [QuoteLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'A quote needs at least one line' })
  @ArrayMaxSize(200)
  @NestedObjects(() => QuoteLineDto)
  lines?: QuoteLineDto[];
}

export class AgreementOnWinDto {
  @ApiProperty() @Text(200, 'Give the agreement a title') title!: string;
  @ApiProperty() @IsCalendarDate() startDate!: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() endDate?: string | null;
}

export class WinQuoteDto implements WinQuoteRequest {
  @ApiPropertyOptional({ type: AgreementOnWinDto }) @IsOptional() @NestedObject(() => AgreementOnWinDto) agreement?: AgreementOnWinDto | null;
}

export class RenewQuoteDto implements RenewQuoteRequest {
  @ApiProperty() @IsCalendarDate() validUntil!: string;
}

export class LoseQuoteDto implements LoseQuoteRequest {
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(1000) reason?: string | null;
}

export class QuoteQueryDto extends PageQueryDto implements QuoteQuery {
  @ApiPropertyOptional({ enum: QUOTE_STATUSES }) @IsOptional() @IsIn(QUOTE_STATUSES) status?: QuoteStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
}

export class QuoteSettingsDto implements QuoteSettings {
  @ApiProperty() @IsBoolean() techniciansSeePrices!: boolean;
}
