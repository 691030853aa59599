import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditChainVerification, AuditEntry, Page } from '@privdesk/domain';
import { Allow } from '../auth/access.decorator';
import { AuditQueryDto } from './audit-query.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('admin')
  search(@Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.search(query);
  }

  @Get('verify')
  @Allow('admin')
  verify(): Promise<AuditChainVerification> {
    return this.audit.verify();
  }
}
