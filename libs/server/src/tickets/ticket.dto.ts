import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AddTicketEntryRequest,
  CreateTicketRequest,
  PART_ACTIONS,
  PartAction,
  TICKET_ENTRY_KINDS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_VIEWS,
  TicketEntryKind,
  TicketPriority,
  TicketQuery,
  TicketSort,
  TicketStatus,
  TicketView,
  UpdateTicketRequest,
} from '@privdesk/domain';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { PageQueryDto, QueryBoolean } from '../core/page-query.dto';
import { IsCalendarDate, TrimToNull, IsRecordVersion } from '../core/validators';

export class TicketQueryDto extends PageQueryDto implements TicketQuery {
  @ApiPropertyOptional({ enum: TICKET_VIEWS }) @IsOptional() @IsIn(TICKET_VIEWS) view?: TicketView;
  @ApiPropertyOptional({ enum: TICKET_STATUSES }) @IsOptional() @IsIn(TICKET_STATUSES) status?: TicketStatus;
  @ApiPropertyOptional() @IsOptional() @QueryBoolean() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES }) @IsOptional() @IsIn(TICKET_PRIORITIES) priority?: TicketPriority;
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @IsCalendarDate() dueBy?: string;
  @ApiPropertyOptional({ enum: TICKET_SORTS }) @IsOptional() @IsIn(TICKET_SORTS) sort?: TicketSort;
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) dir?: 'asc' | 'desc';
}

export class CreateTicketDto implements CreateTicketRequest {
  @ApiProperty() @IsUUID('all', { message: 'Choose the customer' }) customerId!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() requesterId?: string | null;

  @ApiProperty({ example: 'Laptop does not start' })
  @TrimToNull()
  @IsString({ message: 'Enter a subject' })
  @MinLength(1, { message: 'Enter a subject' })
  @MaxLength(200)
  subject!: string;

  @ApiProperty()
  @TrimToNull()
  @IsString({ message: 'Describe the problem' })
  @MinLength(1, { message: 'Describe the problem' })
  @MaxLength(20000)
  description!: string;

  @ApiProperty({ enum: TICKET_PRIORITIES }) @IsIn(TICKET_PRIORITIES, { message: 'priority must be low, normal, high or urgent' }) priority!: TicketPriority;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID() checkinId?: string | null;
}

export class UpdateTicketDto implements UpdateTicketRequest {
  @IsRecordVersion()
  version!: number;

  @ApiPropertyOptional() @ValidateIf((_, v) => v !== undefined) @TrimToNull() @IsString({ message: 'Enter a subject' }) @MinLength(1) @MaxLength(200) subject?: string;
  @ApiPropertyOptional() @ValidateIf((_, v) => v !== undefined) @TrimToNull() @IsString({ message: 'Describe the problem' }) @MinLength(1) @MaxLength(20000) description?: string;
  @ApiPropertyOptional({ enum: TICKET_STATUSES }) @IsOptional() @IsIn(TICKET_STATUSES) status?: TicketStatus;
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES }) @IsOptional() @IsIn(TICKET_PRIORITIES) priority?: TicketPriority;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() assigneeId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() requesterId?: string | null;
}

export class AddTicketEntryDto implements AddTicketEntryRequest {
  @ApiProperty({ enum: TICKET_ENTRY_KINDS }) @IsIn(TICKET_ENTRY_KINDS, { message: 'kind must be note, message, time or part' }) kind!: TicketEntryKind;

  @ApiProperty()
  @TrimToNull()
  @ValidateIf((dto: AddTicketEntryDto) => dto.kind === 'note' || dto.kind === 'message' || (dto.body !== null && dto.body !== undefined))
  @IsString({ message: 'Write the entry' })
  @MinLength(1, { message: 'Write the entry' })
  @MaxLength(20000)
  body!: string;

  @ApiPropertyOptional()
  @ValidateIf((dto: AddTicketEntryDto) => dto.kind === 'time' || (dto.minutes !== undefined && dto.minutes !== null))
  @IsDefined({ message: 'Enter the minutes spent' })
  @IsInt({ message: 'Minutes are a whole number' })
  @Min(1)
  @Max(24 * 60)
  minutes?: number | null;

  @ApiPropertyOptional({ enum: PART_ACTIONS })
  @ValidateIf((dto: AddTicketEntryDto) => dto.kind === 'part' || (dto.partAction !== undefined && dto.partAction !== null))
  @IsIn(PART_ACTIONS, { message: 'Say whether the part was repaired, replaced or installed' })
  partAction?: PartAction | null;

  @ApiPropertyOptional()
  @ValidateIf((dto: AddTicketEntryDto) => dto.kind === 'part' || (dto.partName !== undefined && dto.partName !== null))
  @TrimToNull()
  @IsString({ message: 'Name the part' })
  @MinLength(1, { message: 'Name the part' })
  @MaxLength(200)
  partName?: string | null;
}
