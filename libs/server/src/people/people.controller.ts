import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PersonnummerView } from '@privdesk/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { PeopleService } from './people.service';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  /** The full personnummer; every view is audited. */
  @Get(':id/personnummer')
  @Allow('admin', 'sales')
  revealPersonnummer(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser): Promise<PersonnummerView> {
    return this.people.revealPersonnummer(id, actor.id);
  }
}
