import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrganisationInput } from '@privdesk/domain';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsCalendarDate, IsOrganisationsnummer, IsPhone, TrimToNull } from '../../core/validators';

export class OrganisationInputDto implements OrganisationInput {
  @ApiProperty({ example: 'Norrsken Bygg AB' })
  @TrimToNull()
  @MaxLength(200)
  @MinLength(1)
  @IsString({ message: 'Enter the company name' })
  name!: string;

  @ApiPropertyOptional({ example: '556016-0680' })
  @IsOptional()
  @TrimToNull()
  @IsOrganisationsnummer()
  orgNumber?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsEmail({}, { message: 'Enter a valid e-mail address' }) @MaxLength(254) email?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsPhone() phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(200) street?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(20) postalCode?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(100) city?: string | null;
  @ApiPropertyOptional({ example: '2026-01-15' }) @IsOptional() @TrimToNull() @IsCalendarDate() dpaSignedOn?: string | null;
}

export class OrganisationUpdateDto implements Partial<OrganisationInput> {
  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @TrimToNull()
  @MaxLength(200)
  @MinLength(1)
  @IsString({ message: 'Enter the company name' })
  name?: string;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsOrganisationsnummer() orgNumber?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsEmail({}, { message: 'Enter a valid e-mail address' }) @MaxLength(254) email?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsPhone() phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(200) street?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(20) postalCode?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(100) city?: string | null;
  @ApiPropertyOptional({ example: '2026-01-15' }) @IsOptional() @TrimToNull() @IsCalendarDate() dpaSignedOn?: string | null;
}
