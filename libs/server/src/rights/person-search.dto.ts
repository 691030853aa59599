import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class PersonSearchQueryDto {
  @ApiProperty({ description: 'Name, e-mail, phone or personnummer', minLength: 2 })
  @IsString()
  @MinLength(2, { message: 'Search with at least 2 characters' })
  @MaxLength(200)
  q!: string;
}
