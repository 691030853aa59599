import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateHoldRequest,
  EXPIRY_ACTIONS,
  ExpiryAction,
  ExtendReviewRequest,
  LEGAL_BASES,
  LegalBasis,
  Localised,
  REVIEW_STATUSES,
  RetentionRule,
  ReviewStatus,
  PolicyChange,
  UpdatePolicyRequest,
} from '@privdesk/domain';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateBy, ValidateNested } from 'class-validator';
import { IsCalendarDate, TrimToNull, IsRecordVersion } from '../core/validators';
import { cullOrder, isCullRecordType } from './cull-plan';

/** A record type the personal-data registry declares (read when validating, so every declared table counts). */
function IsRecordType(): PropertyDecorator {
  return ValidateBy({
    name: 'isRecordType',
    validator: {
      validate: (value) => typeof value === 'string' && isCullRecordType(value),
      defaultMessage: () => `recordType must be one of ${cullOrder().join(', ')}`,
    },
  });
}

const count = (value: unknown, max: number) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;

/** A retention rule of one of the known kinds, with sane numbers (at most 100 years). */
export function isRetentionRule(value: unknown): value is RetentionRule {
  if (typeof value !== 'object' || value === null) return false;
  const rule = value as Record<string, unknown>;
  const keys = Object.keys(rule).sort().join(',');
  switch (rule['kind']) {
    case 'months-from-event':
    case 'quote':
      return keys === 'kind,months' && count(rule['months'], 1200);
    case 'agreement':
      return keys === 'kind,monthsWithoutAgreement,yearsAfterEnd' && count(rule['yearsAfterEnd'], 100) && count(rule['monthsWithoutAgreement'], 1200);
    case 'bookkeeping':
      return keys === 'kind,years' && count(rule['years'], 100);
    default:
      return false;
  }
}

class LocalisedDto implements Localised {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) sv!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) en!: string;
}

/** A change to a policy, as previewed. */
export class PolicyChangeDto implements PolicyChange {
  @ApiPropertyOptional({ type: LocalisedDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => LocalisedDto) purpose?: LocalisedDto;
  @ApiPropertyOptional({ type: LocalisedDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => LocalisedDto) dataCategories?: LocalisedDto;
  @ApiPropertyOptional({ type: LocalisedDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => LocalisedDto) clockStarts?: LocalisedDto;

  @ApiPropertyOptional({ enum: LEGAL_BASES })
  @IsOptional()
  @IsIn(LEGAL_BASES, { message: `legalBasis must be one of ${LEGAL_BASES.join(', ')}` })
  legalBasis?: LegalBasis;

  @ApiPropertyOptional({ description: 'e.g. { "kind": "agreement", "yearsAfterEnd": 5, "monthsWithoutAgreement": 24 }' })
  @IsOptional()
  @IsObject()
  @ValidateBy({
    name: 'isRetentionRule',
    validator: {
      validate: isRetentionRule,
      defaultMessage: () => 'rule must be one of: months-from-event {months}, quote {months}, agreement {yearsAfterEnd, monthsWithoutAgreement}, bookkeeping {years}, with whole numbers',
    },
  })
  rule?: RetentionRule;

  @ApiPropertyOptional({ enum: EXPIRY_ACTIONS })
  @IsOptional()
  @IsIn(EXPIRY_ACTIONS, { message: `expiryAction must be one of ${EXPIRY_ACTIONS.join(', ')}` })
  expiryAction?: ExpiryAction;
}

export class UpdatePolicyDto extends PolicyChangeDto implements UpdatePolicyRequest {
  @IsRecordVersion()
  version!: number;
}

export class CullRequestDto {
  @ApiPropertyOptional({ format: 'date', description: 'Today or an earlier day; defaults to today (Europe/Stockholm)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class AsOfQueryDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  asOf!: string;
}

export class CreateHoldDto implements CreateHoldRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() personId?: string;

  @ApiPropertyOptional({ description: 'A record type of the personal-data registry, e.g. ticket' })
  @IsOptional()
  @IsRecordType()
  recordType?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() recordId?: string;

  @ApiProperty({ example: 'Dispute about invoice 2026-114' })
  @TrimToNull()
  @MaxLength(500)
  @MinLength(3, { message: 'Say why the record is held (at least 3 characters)' })
  @IsString({ message: 'Say why the record is held' })
  reason!: string;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  until?: string | null;
}

export class ExtendReviewDto implements ExtendReviewRequest {
  @ApiProperty()
  @TrimToNull()
  @MaxLength(500)
  @MinLength(3, { message: 'Say why the record is kept longer (at least 3 characters)' })
  @IsString({ message: 'Say why the record is kept longer' })
  reason!: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  until!: string;
}

export class ReviewQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES }) @IsOptional() @IsIn(REVIEW_STATUSES) status?: ReviewStatus;
}

export class CertificateCheckQueryDto {
  @ApiProperty({ description: 'A record type of the personal-data registry, e.g. ticket' }) @IsRecordType() recordType!: string;
  @ApiProperty() @IsUUID() id!: string;
}
