import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COOKIE_CATEGORIES,
  COOKIE_SITES,
  CookieCategory,
  CookieInput,
  CookieSite,
  ControllerIdentity,
  Localised,
  RECIPIENT_KINDS,
  RecipientInput,
  RecipientKind,
  TRANSFER_MECHANISMS,
  TransferMechanism,
} from '@privdesk/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsOrganisationsnummer, IsPhone, NestedObject, TrimToNull } from '../core/validators';

const Text = (max: number, message: string) => applyDecorators(TrimToNull(), IsString({ message }), MinLength(1, { message }), MaxLength(max));

export class LocalisedDto implements Localised {
  @ApiProperty() @Text(1000, 'Write the Swedish text') sv!: string;
  @ApiProperty() @Text(1000, 'Write the English text') en!: string;
}

export class RecipientDto implements RecipientInput {
  @ApiProperty() @Text(200, 'Name the recipient') name!: string;
  @ApiProperty({ enum: RECIPIENT_KINDS }) @IsIn(RECIPIENT_KINDS, { message: 'kind must be processor or independent_controller' }) kind!: RecipientKind;
  @ApiProperty({ type: LocalisedDto }) @NestedObject(() => LocalisedDto, 'Say what the recipient receives, in Swedish and English') receives!: LocalisedDto;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(20) @Matches(/^[A-Z][0-9]{1,3}$/, { each: true, message: 'Purposes are policy codes such as P5' }) purposes!: string[];
  @ApiPropertyOptional({ type: [String], example: ['IE', 'US'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'Countries are two-letter codes such as SE or US' })
  countries?: string[];
  @ApiProperty() @IsBoolean() inEu!: boolean;
  @ApiPropertyOptional({ enum: TRANSFER_MECHANISMS })
  @IsOptional()
  @IsIn(TRANSFER_MECHANISMS, { message: 'transferMechanism must be adequacy, dpf or scc' })
  transferMechanism?: TransferMechanism | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(500) transferSafeguard?: string | null;
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(200) agreementReference?: string | null;
}

export class CookieDto implements CookieInput {
  @ApiProperty({ enum: COOKIE_SITES }) @IsIn(COOKIE_SITES) site!: CookieSite;
  @ApiProperty() @Text(200, 'Name the cookie') name!: string;
  @ApiProperty() @Text(200, 'Name the provider') provider!: string;
  @ApiProperty({ type: LocalisedDto }) @NestedObject(() => LocalisedDto, 'Give the duration in Swedish and English') duration!: LocalisedDto;
  @ApiProperty({ type: LocalisedDto }) @NestedObject(() => LocalisedDto, 'Give the purpose in Swedish and English') purpose!: LocalisedDto;
  @ApiProperty({ enum: COOKIE_CATEGORIES }) @IsIn(COOKIE_CATEGORIES, { message: 'category must be necessary or optional' }) category!: CookieCategory;
}

export class ControllerIdentityDto implements ControllerIdentity {
  @ApiProperty() @Text(200, 'Enter the company name') companyName!: string;
  @ApiProperty() @TrimToNull() @IsOrganisationsnummer() orgNumber!: string;
  @ApiProperty() @Text(200, 'Enter the street address') street!: string;
  @ApiProperty() @Text(20, 'Enter the postal code') postalCode!: string;
  @ApiProperty() @Text(100, 'Enter the city') city!: string;
  @ApiProperty() @TrimToNull() @IsPhone() privacyPhone!: string;
  @ApiProperty() @TrimToNull() @IsEmail({}, { message: 'Enter a valid e-mail address' }) privacyEmail!: string;
}
