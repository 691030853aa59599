import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, SubjectRequestView } from '@privdesk/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { AnswerSubjectRequestDto, CreateSubjectRequestDto, ExtendSubjectRequestDto, SubjectRequestQueryDto, UpdateSubjectRequestDto } from './subject-request.dto';
import { SubjectRequestsService } from './subject-requests.service';

/** The register of data-subject requests: admins only. */
@ApiTags('subject requests')
@Controller('subject-requests')
export class SubjectRequestsController {
  constructor(private readonly requests: SubjectRequestsService) {}

  @Get()
  @Allow('admin')
  list(@Query() query: SubjectRequestQueryDto): Promise<Page<SubjectRequestView>> {
    return this.requests.list(query);
  }

  @Post()
  @Allow('admin')
  create(@Body() body: CreateSubjectRequestDto, @CurrentUser() actor: StaffUser): Promise<SubjectRequestView> {
    return this.requests.create(body, actor.id);
  }

  @Get(':id')
  @Allow('admin')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<SubjectRequestView> {
    return this.requests.get(id);
  }

  @Patch(':id')
  @Allow('admin')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateSubjectRequestDto, @CurrentUser() actor: StaffUser): Promise<SubjectRequestView> {
    return this.requests.update(id, body, actor.id);
  }

  @Post(':id/extend')
  @Allow('admin')
  extend(@Param('id', ParseUUIDPipe) id: string, @Body() body: ExtendSubjectRequestDto, @CurrentUser() actor: StaffUser): Promise<SubjectRequestView> {
    return this.requests.extend(id, body.reason, actor.id);
  }

  @Post(':id/answer')
  @Allow('admin')
  answer(@Param('id', ParseUUIDPipe) id: string, @Body() body: AnswerSubjectRequestDto, @CurrentUser() actor: StaffUser): Promise<SubjectRequestView> {
    return this.requests.answer(id, body, actor.id);
  }
}
