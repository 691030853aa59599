import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AgreementInput, UpdateAgreementRequest } from '@privdesk/domain';
import { IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsCalendarDate, TrimToNull, IsRecordVersion } from '../../core/validators';

export class AgreementInputDto implements AgreementInput {
  @ApiProperty({ example: 'Service agreement' })
  @TrimToNull()
  @MaxLength(200)
  @MinLength(1)
  @IsString({ message: 'Enter a title' })
  title!: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  startDate!: string;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string | null;
}

export class UpdateAgreementDto implements UpdateAgreementRequest {
  @IsRecordVersion()
  version!: number;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @TrimToNull()
  @MaxLength(200)
  @MinLength(1)
  @IsString({ message: 'Enter a title' })
  title?: string;

  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf((_, value) => value !== undefined)
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string | null;
}
