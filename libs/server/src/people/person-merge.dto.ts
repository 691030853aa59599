import { ApiProperty } from '@nestjs/swagger';
import { MergePeopleRequest } from '@privdesk/domain';
import { IsUUID } from 'class-validator';
import { PageQueryDto } from '../core/page-query.dto';

export class MergePeopleDto implements MergePeopleRequest {
  @ApiProperty({ description: 'The person whose records move to the kept one; he or she is then deleted' })
  @IsUUID('all', { message: 'Choose the person to merge' })
  mergeId!: string;
}

/** `q` matches the shared e-mail address. */
export class DuplicateQueryDto extends PageQueryDto {}
