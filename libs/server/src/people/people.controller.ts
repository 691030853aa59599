import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PersonnummerView, PersonSearchResult } from '@privdesk/domain';
import { FastifyReply } from 'fastify';
import { Allow } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { PeopleService } from './people.service';
import { PersonSearchQueryDto } from './person-search.dto';
import { SubjectAccessService } from './subject-access.service';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly subjectAccess: SubjectAccessService,
  ) {}

  /** Finds a data subject everywhere, by name, e-mail, phone or personnummer. */
  @Get()
  @Allow('admin')
  search(@Query() query: PersonSearchQueryDto, @CurrentUser() actor: StaffUser): Promise<PersonSearchResult[]> {
    return this.subjectAccess.search(query.q, actor.id);
  }

  /** The access export: everything about the person, with purpose, legal basis and deadline per record. */
  @Get(':id/export')
  @Allow('admin')
  async export(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const document = await this.subjectAccess.export(id, actor.id);
    void reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="privdesk-export-${id.slice(0, 8)}.json"`)
      .send(JSON.stringify(document, null, 2));
  }

  /** The full personnummer; every view is audited. */
  @Get(':id/personnummer')
  @Allow('admin', 'sales')
  revealPersonnummer(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser): Promise<PersonnummerView> {
    return this.people.revealPersonnummer(id, actor.id);
  }
}
