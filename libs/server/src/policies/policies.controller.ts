import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PolicyView } from '@privdesk/domain';
import { AnyStaff } from '../auth/access.decorator';
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
}
