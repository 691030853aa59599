import { ApiPropertyOptional } from '@nestjs/swagger';
import { CreateContactRequest, UpdateContactRequest } from '@privdesk/domain';
import { IsDefined, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate, NestedObject, TrimToNull, IsRecordVersion } from '../../core/validators';
import { PersonInputDto, PersonUpdateDto } from '../../people/person-input.dto';

export class CreateContactDto implements CreateContactRequest {
  @ApiPropertyOptional({ type: PersonInputDto })
  @ValidateIf((dto: CreateContactDto) => dto.personId === undefined)
  @IsDefined({ message: 'Give the contact person, or the id of a registered person' })
  @NestedObject(() => PersonInputDto)
  person?: PersonInputDto;

  @ApiPropertyOptional({ description: 'A person already registered' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: 'After a person_exists answer: the person registered with this e-mail address is meant (blank fields filled in)' })
  @IsOptional()
  @IsUUID()
  existingPersonId?: string;

  @ApiPropertyOptional({ example: 'IT manager' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  title?: string | null;
}

export class UpdateContactDto implements UpdateContactRequest {
  @IsRecordVersion()
  version!: number;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(100) title?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'The day the person stopped acting for the customer' })
  @IsOptional()
  @IsCalendarDate()
  leftOn?: string | null;

  @ApiPropertyOptional({ type: PersonUpdateDto })
  @IsOptional()
  @NestedObject(() => PersonUpdateDto)
  person?: PersonUpdateDto;
}
