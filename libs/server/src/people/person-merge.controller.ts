import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DuplicateGroup, MergePeopleResult, Page } from '@privdesk/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { DuplicateQueryDto, MergePeopleDto } from './person-merge.dto';
import { PersonMergeService } from './person-merge.service';

/** People registered twice: the groups sharing an e-mail address, and merging two into one. Admins only. */
@ApiTags('people')
@Controller('people')
export class PersonMergeController {
  constructor(private readonly merges: PersonMergeService) {}

  @Get('duplicates')
  @Allow('admin')
  duplicates(@Query() query: DuplicateQueryDto): Promise<Page<DuplicateGroup>> {
    return this.merges.duplicates(query);
  }

  /** Moves every record of `mergeId` to this person and deletes `mergeId`; audited by ids. */
  @Post(':id/merge')
  @Allow('admin')
  @HttpCode(200)
  merge(@Param('id', ParseUUIDPipe) id: string, @Body() body: MergePeopleDto, @CurrentUser() actor: StaffUser): Promise<MergePeopleResult> {
    return this.merges.merge(id, body.mergeId, actor.id);
  }
}
