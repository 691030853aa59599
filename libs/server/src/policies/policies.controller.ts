import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RetentionPolicy } from '@privdesk/domain';
import { AnyStaff } from '../auth/access.decorator';
import { PoliciesService } from './policies.service';

@ApiTags('policies')
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  @AnyStaff()
  list(): Promise<RetentionPolicy[]> {
    return this.policies.list();
  }
}
