import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PolicyView } from '@privdesk/domain';
import { Allow, AnyStaff } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { AdditionalBasesDto } from './additional-bases.dto';
import { PoliciesService } from './policies.service';

@ApiTags('policies')
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  @AnyStaff()
  list(): Promise<PolicyView[]> {
    return this.policies.list();
  }

  /** The further legal bases a purpose rests on (shown in the notice; no deadline changes). */
  @Put(':code/additional-bases')
  @Allow('admin')
  setAdditionalBases(@Param('code') code: string, @Body() body: AdditionalBasesDto, @CurrentUser() actor: StaffUser): Promise<PolicyView> {
    return this.policies.setAdditionalBases(code, body.bases, body.version, actor.id);
  }
}
