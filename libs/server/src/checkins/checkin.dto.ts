import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHECKIN_STATUSES,
  CheckinQuery,
  CheckinStatus,
  CreateCheckinRequest,
  DEVICE_TYPES,
  DeviceType,
  ReturnCheckinRequest,
  UpdateCheckinRequest,
} from '@privdesk/domain';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQueryDto, QueryBoolean } from '../core/page-query.dto';
import { IsCalendarDate, NestedObject, TrimToNull, IsRecordVersion } from '../core/validators';
import { PersonInputDto } from '../people/person-input.dto';

const OPEN_STATUSES = CHECKIN_STATUSES.filter((status) => status !== 'returned');

/** Required text: trimmed, not empty, bounded. */
const Text = (max: number, message: string) => applyDecorators(TrimToNull(), IsString({ message }), MinLength(1, { message }), MaxLength(max));

export class CreateCheckinDto implements CreateCheckinRequest {
  @ApiProperty({ description: 'On behalf of: the customer' }) @IsUUID('all', { message: 'Choose the customer the device is handed in for' }) customerId!: string;

  @ApiPropertyOptional({ description: 'Handed in by: a registered person' })
  @ValidateIf((dto: CreateCheckinDto) => dto.handedInBy === undefined)
  @IsUUID('all', { message: 'Say who hands the device in' })
  handedInById?: string;

  @ApiPropertyOptional({ type: PersonInputDto, description: 'Handed in by: a new person' })
  @ValidateIf((dto: CreateCheckinDto) => dto.handedInById === undefined || dto.handedInBy !== undefined)
  @IsDefined({ message: 'Say who hands the device in' })
  @NestedObject(() => PersonInputDto)
  handedInBy?: PersonInputDto;

  @ApiPropertyOptional({ description: 'After a person_exists answer: the person registered with this e-mail address is meant (blank fields filled in)' })
  @IsOptional()
  @IsUUID()
  existingPersonId?: string;

  @ApiProperty({ enum: DEVICE_TYPES }) @IsIn(DEVICE_TYPES, { message: `deviceType must be one of ${DEVICE_TYPES.join(', ')}` }) deviceType!: DeviceType;
  @ApiProperty({ example: 'Lenovo' }) @Text(100, 'Enter the make') make!: string;
  @ApiProperty({ example: 'ThinkPad T14' }) @Text(100, 'Enter the model') model!: string;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(100) serialNumber?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(500) accessories?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(1000) condition?: string | null;
  @ApiProperty() @Text(5000, 'Describe the fault as the customer tells it') reportedFault!: string;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsCalendarDate() expectedReadyOn?: string | null;
  @ApiPropertyOptional({ description: "The device's login password, stored encrypted" }) @IsOptional() @IsString() @MaxLength(200) devicePassword?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assignedTechnicianId?: string | null;
}

export class UpdateCheckinDto implements UpdateCheckinRequest {
  @IsRecordVersion()
  version!: number;

  @ApiPropertyOptional({ enum: OPEN_STATUSES }) @IsOptional() @IsIn(OPEN_STATUSES, { message: 'Use "return" to hand the device back' }) status?: Exclude<CheckinStatus, 'returned'>;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() assignedTechnicianId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @TrimToNull() @IsCalendarDate() expectedReadyOn?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @TrimToNull() @IsString() @MaxLength(10000) workDone?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @TrimToNull() @IsString() @MaxLength(500) accessories?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @TrimToNull() @IsString() @MaxLength(1000) condition?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @TrimToNull() @IsString() @MaxLength(100) serialNumber?: string | null;
}

export class ReturnCheckinDto implements ReturnCheckinRequest {
  @ApiProperty({ description: 'Who picked the device up' }) @Text(200, 'Enter who picked the device up') pickedUpBy!: string;
}

export class CheckinQueryDto extends PageQueryDto implements CheckinQuery {
  @ApiPropertyOptional({ enum: CHECKIN_STATUSES }) @IsOptional() @IsIn(CHECKIN_STATUSES) status?: CheckinStatus;
  @ApiPropertyOptional() @IsOptional() @QueryBoolean() @IsBoolean() inShop?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
}
