import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonInput } from '@privdesk/domain';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsPersonnummer, IsPhone, TrimToNull } from '../core/validators';

export class PersonInputDto implements PersonInput {
  @ApiProperty({ example: 'Anna' })
  @TrimToNull()
  @MaxLength(100)
  @MinLength(1)
  @IsString({ message: 'Enter a first name' })
  firstName!: string;

  @ApiProperty({ example: 'Lindqvist' })
  @TrimToNull()
  @MaxLength(100)
  @MinLength(1)
  @IsString({ message: 'Enter a last name' })
  lastName!: string;

  @ApiPropertyOptional({ example: 'anna.lindqvist@example.se' })
  @IsOptional()
  @TrimToNull()
  @IsEmail({}, { message: 'Enter a valid e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ example: '070-123 45 67' })
  @IsOptional()
  @TrimToNull()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(200) street?: string | null;

  @ApiPropertyOptional({ example: '114 35' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(20)
  postalCode?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(100) city?: string | null;

  @ApiPropertyOptional({ example: '19121212-1212', description: 'Personnummer or samordningsnummer; stored normalised' })
  @IsOptional()
  @TrimToNull()
  @IsPersonnummer()
  personnummer?: string | null;
}

/** For edits: every field optional, the same rules. */
export class PersonUpdateDto implements Partial<PersonInput> {
  @ApiPropertyOptional() @ValidateIf((_, value) => value !== undefined) @TrimToNull() @MaxLength(100) @MinLength(1) @IsString({ message: 'Enter a first name' }) firstName?: string;
  @ApiPropertyOptional() @ValidateIf((_, value) => value !== undefined) @TrimToNull() @MaxLength(100) @MinLength(1) @IsString({ message: 'Enter a last name' }) lastName?: string;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsEmail({}, { message: 'Enter a valid e-mail address' }) @MaxLength(254) email?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @TrimToNull()
  @IsPhone()
  phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(200) street?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(20) postalCode?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(100) city?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsPersonnummer() personnummer?: string | null;
}
