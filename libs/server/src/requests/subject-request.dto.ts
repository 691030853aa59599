import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AnswerSubjectRequest,
  CreateSubjectRequest,
  ExtendSubjectRequest,
  REQUEST_CHANNELS,
  REQUEST_STATUSES,
  RequestChannel,
  RequestStatus,
  SUBJECT_REQUEST_KINDS,
  SubjectRequestKind,
  SubjectRequestQuery,
  UpdateSubjectRequest,
} from '@privdesk/domain';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../core/page-query.dto';
import { IsCalendarDate, TrimToNull, IsRecordVersion } from '../core/validators';

export class CreateSubjectRequestDto implements CreateSubjectRequest {
  @ApiProperty({ enum: SUBJECT_REQUEST_KINDS }) @IsIn(SUBJECT_REQUEST_KINDS, { message: 'Choose what the person asks for' }) kind!: SubjectRequestKind;
  @ApiProperty({ enum: REQUEST_CHANNELS }) @IsIn(REQUEST_CHANNELS, { message: 'Choose how the request came in' }) channel!: RequestChannel;
  @ApiProperty({ example: '2026-11-25' }) @IsCalendarDate() receivedOn!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() personId?: string | null;
  @ApiProperty() @TrimToNull() @IsString({ message: 'Enter who made the request' }) @MinLength(1, { message: 'Enter who made the request' }) @MaxLength(200) requesterName!: string;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(300) requesterContact?: string | null;
  @ApiProperty() @IsBoolean() identityChecked!: boolean;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(300) identityMethod?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(5000) notes?: string | null;
}

export class UpdateSubjectRequestDto implements UpdateSubjectRequest {
  @IsRecordVersion()
  version!: number;

  @ApiPropertyOptional() @IsOptional() @IsUUID() personId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() identityChecked?: boolean;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(300) identityMethod?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(5000) notes?: string | null;
}

export class ExtendSubjectRequestDto implements ExtendSubjectRequest {
  @ApiProperty() @TrimToNull() @IsString({ message: 'Give the reason for the extension' }) @MinLength(1, { message: 'Give the reason for the extension' }) @MaxLength(2000) reason!: string;
}

export class AnswerSubjectRequestDto implements AnswerSubjectRequest {
  @ApiProperty({ enum: ['answered', 'rejected'] }) @IsIn(['answered', 'rejected']) status!: 'answered' | 'rejected';
  @ApiProperty() @TrimToNull() @IsString({ message: 'Write the answer sent' }) @MinLength(1, { message: 'Write the answer sent' }) @MaxLength(20000) answer!: string;
}

export class SubjectRequestQueryDto extends PageQueryDto implements SubjectRequestQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES }) @IsOptional() @IsIn(REQUEST_STATUSES) status?: RequestStatus;
}
