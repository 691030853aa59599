import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CertificateCheck,
  CertificateDocument,
  CertificateView,
  CullPreview,
  HoldView,
  OutboxMail,
  PolicyChangePreview,
  PolicyView,
  RetentionReport,
  ReviewView,
  TaskView,
} from '@privdesk/domain';
import { FastifyReply } from 'fastify';
import { Allow } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { formulaSafeStrings } from '../core/csv';
import { MailService } from '../outbox/mail.service';
import { certificatePdf, reportCsv, reportPdf } from './documents';
import { PolicyAdminService } from './policy-admin.service';
import {
  AsOfQueryDto,
  CertificateCheckQueryDto,
  CreateHoldDto,
  CullRequestDto,
  ExtendReviewDto,
  ReviewQueryDto,
  PolicyChangeDto,
  UpdatePolicyDto,
} from './retention.dto';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('preview')
  @Allow('admin')
  preview(@Query() query: AsOfQueryDto): Promise<CullPreview> {
    return this.retention.preview(query.asOf);
  }

  @Get('report')
  @Allow('admin')
  report(): Promise<RetentionReport> {
    return this.retention.report();
  }

  @Get('report.csv')
  @Allow('admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="privdesk-retention-report.csv"')
  async reportCsv(): Promise<string> {
    // Opened in a spreadsheet: no cell may start like a formula.
    return reportCsv(formulaSafeStrings(await this.retention.report()));
  }

  @Get('report.pdf')
  @Allow('admin')
  async reportPdf(@Res() reply: FastifyReply): Promise<void> {
    const pdf = await reportPdf(await this.retention.report());
    void reply.header('content-type', 'application/pdf').header('content-disposition', 'attachment; filename="privdesk-retention-report.pdf"').send(pdf);
  }

  @Post('runs')
  @Allow('admin')
  requestCull(@Body() body: CullRequestDto, @CurrentUser() actor: StaffUser): Promise<TaskView> {
    return this.retention.requestCull(body.asOf, actor.id);
  }

  @Get('tasks')
  @Allow('admin')
  tasks(): Promise<TaskView[]> {
    return this.retention.listTasks();
  }

  @Get('tasks/:id')
  @Allow('admin')
  task(@Param('id', ParseUUIDPipe) id: string): Promise<TaskView> {
    return this.retention.getTask(id);
  }

  @Get('certificates')
  @Allow('admin')
  certificates(): Promise<CertificateView[]> {
    return this.retention.listCertificates();
  }

  @Get('certificates/check')
  @Allow('admin')
  check(@Query() query: CertificateCheckQueryDto): Promise<CertificateCheck> {
    return this.retention.check(query.recordType, query.id);
  }

  @Get('certificates/:id')
  @Allow('admin')
  certificate(@Param('id', ParseUUIDPipe) id: string): Promise<CertificateDocument> {
    return this.retention.certificate(id);
  }

  @Get('certificates/:id/json')
  @Allow('admin')
  async certificateJson(@Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const certificate = await this.retention.certificate(id);
    void reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="deletion-certificate-${certificate.asOf}-${id.slice(0, 8)}.json"`)
      .send(JSON.stringify(certificate, null, 2));
  }

  @Get('certificates/:id/pdf')
  @Allow('admin')
  async certificatePdf(@Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const certificate = await this.retention.certificate(id);
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="deletion-certificate-${certificate.asOf}-${id.slice(0, 8)}.pdf"`)
      .send(await certificatePdf(certificate));
  }

  @Get('holds')
  @Allow('admin')
  holds(): Promise<HoldView[]> {
    return this.retention.listHolds();
  }

  @Post('holds')
  @Allow('admin')
  createHold(@Body() body: CreateHoldDto, @CurrentUser() actor: StaffUser): Promise<HoldView> {
    return this.retention.createHold(body, actor.id);
  }

  @Post('holds/:id/release')
  @Allow('admin')
  @HttpCode(200)
  releaseHold(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser): Promise<HoldView> {
    return this.retention.releaseHold(id, actor.id);
  }

  @Get('reviews')
  @Allow('admin')
  reviews(@Query() query: ReviewQueryDto): Promise<ReviewView[]> {
    return this.retention.listReviews(query.status);
  }

  @Post('reviews/:id/approve')
  @Allow('admin')
  @HttpCode(200)
  approve(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser): Promise<ReviewView> {
    return this.retention.decideReview(id, { approve: true }, actor.id);
  }

  @Post('reviews/:id/extend')
  @Allow('admin')
  @HttpCode(200)
  extend(@Param('id', ParseUUIDPipe) id: string, @Body() body: ExtendReviewDto, @CurrentUser() actor: StaffUser): Promise<ReviewView> {
    return this.retention.decideReview(id, { approve: false, reason: body.reason, until: body.until }, actor.id);
  }
}

@ApiTags('policies')
@Controller('policies')
export class PolicyAdminController {
  constructor(private readonly policies: PolicyAdminService) {}

  @Patch(':code')
  @Allow('admin')
  update(@Param('code') code: string, @Body() body: UpdatePolicyDto, @CurrentUser() actor: StaffUser): Promise<{ policy: PolicyView; task: TaskView }> {
    return this.policies.update(code, body, actor.id);
  }

  /** How many records a change would touch, before saving it. */
  @Post(':code/preview')
  @Allow('admin')
  @HttpCode(200)
  preview(@Param('code') code: string, @Body() body: PolicyChangeDto): Promise<PolicyChangePreview> {
    return this.policies.preview(code, body);
  }
}

@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Get('emails')
  @Allow('admin')
  emails(): Promise<OutboxMail[]> {
    return this.mail.list();
  }
}
