import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateCustomerRequest,
  CUSTOMER_SORTS,
  CUSTOMER_TYPES,
  CustomerQuery,
  CustomerSort,
  CustomerType,
  MAX_PAGE_SIZE,
  UpdateCustomerRequest,
} from '@privdesk/domain';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { NestedObject, IsRecordVersion } from '../../core/validators';
import { PersonInputDto, PersonUpdateDto } from '../../people/person-input.dto';
import { OrganisationInputDto, OrganisationUpdateDto } from './organisation-input.dto';

export class CreateCustomerDto implements CreateCustomerRequest {
  @ApiProperty({ enum: CUSTOMER_TYPES })
  @IsIn(CUSTOMER_TYPES, { message: 'type must be person or organisation' })
  type!: CustomerType;

  @ApiPropertyOptional({ type: PersonInputDto })
  @ValidateIf((dto: CreateCustomerDto) => dto.type === 'person' || dto.person !== undefined)
  @IsDefined({ message: 'A person customer needs the person' })
  @NestedObject(() => PersonInputDto)
  person?: PersonInputDto;

  @ApiPropertyOptional({ description: 'After a person_exists answer: the person registered with this e-mail address is meant (blank fields filled in)' })
  @IsOptional()
  @IsUUID()
  existingPersonId?: string;

  @ApiPropertyOptional({ type: OrganisationInputDto })
  @ValidateIf((dto: CreateCustomerDto) => dto.type === 'organisation' || dto.organisation !== undefined)
  @IsDefined({ message: 'A company customer needs the organisation' })
  @NestedObject(() => OrganisationInputDto)
  organisation?: OrganisationInputDto;
}

export class UpdateCustomerDto implements UpdateCustomerRequest {
  @IsRecordVersion()
  version!: number;

  @ApiPropertyOptional({ type: PersonUpdateDto })
  @IsOptional()
  @NestedObject(() => PersonUpdateDto)
  person?: PersonUpdateDto;

  @ApiPropertyOptional({ type: OrganisationUpdateDto })
  @IsOptional()
  @NestedObject(() => OrganisationUpdateDto)
  organisation?: OrganisationUpdateDto;
}

export class CustomerQueryDto implements CustomerQuery {
  @ApiPropertyOptional({ description: 'Matches name, customer number, e-mail and phone' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: CUSTOMER_TYPES })
  @IsOptional()
  @IsIn(CUSTOMER_TYPES)
  type?: CustomerType;

  @ApiPropertyOptional({ enum: CUSTOMER_SORTS })
  @IsOptional()
  @IsIn(CUSTOMER_SORTS)
  sort?: CustomerSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  dir?: 'asc' | 'desc';

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
