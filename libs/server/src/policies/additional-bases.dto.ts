import { ApiProperty } from '@nestjs/swagger';
import { AdditionalBasis, LEGAL_BASES, LegalBasis } from '@privdesk/domain';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { NestedObject, NestedObjects, IsRecordVersion } from '../core/validators';
import { LocalisedDto } from '../transparency/transparency.dto';

export class AdditionalBasisDto implements AdditionalBasis {
  @ApiProperty({ enum: LEGAL_BASES }) @IsIn(LEGAL_BASES, { message: 'legalBasis must be contract, legitimate_interest, consent or legal_obligation' }) legalBasis!: LegalBasis;
  @ApiProperty({ type: LocalisedDto }) @NestedObject(() => LocalisedDto, 'Say what the basis covers, in Swedish and English') statement!: LocalisedDto;
}

/** A policy's further legal bases, replacing those it had. */
export class AdditionalBasesDto {
  @IsRecordVersion()
  version!: number;

  @ApiProperty({ type: [AdditionalBasisDto] })
  @IsArray()
  @ArrayMaxSize(3)
  @NestedObjects(() => AdditionalBasisDto)
  bases!: AdditionalBasisDto[];
}
