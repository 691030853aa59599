import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConvertInquiry, CreateInquiry, INQUIRY_STATUSES, InquiryStatus } from '@privdesk/domain';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../core/page-query.dto';
import { IsPhone, TrimToNull } from '../core/validators';

export class CreateInquiryDto implements CreateInquiry {
  @ApiProperty() @TrimToNull() @IsString({ message: 'Enter your name' }) @MinLength(1, { message: 'Enter your name' }) @MaxLength(200) name!: string;
  @ApiProperty() @TrimToNull() @IsEmail({}, { message: 'Enter a valid e-mail address' }) @MaxLength(254) email!: string;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsPhone() phone?: string | null;
  @ApiProperty() @TrimToNull() @IsString({ message: 'Write your question' }) @MinLength(1, { message: 'Write your question' }) @MaxLength(5000) message!: string;
  /** The honeypot: hidden from people, filled in by bots. */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) website?: string;
}

export class ConvertInquiryDto implements ConvertInquiry {
  @ApiProperty({ enum: ['ticket', 'lead'] }) @IsIn(['ticket', 'lead'], { message: 'to must be ticket or lead' }) to!: 'ticket' | 'lead';
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string | null;
}

export class InquiryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INQUIRY_STATUSES }) @IsOptional() @IsIn(INQUIRY_STATUSES) status?: InquiryStatus;
}
