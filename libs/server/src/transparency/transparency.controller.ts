import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ControllerIdentity, CookieView, PrivacyNotice, RecipientView } from '@privdesk/domain';
import { FastifyReply } from 'fastify';
import { Allow, Public } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { ControllerIdentityDto, CookieDto, RecipientDto } from './transparency.dto';
import { TransparencyService } from './transparency.service';

@ApiTags('transparency')
@Controller()
export class TransparencyController {
  constructor(private readonly transparency: TransparencyService) {}

  /** The public privacy notice, rendered from the enforced policy table and the registers. */
  @Get('public/privacy-notice')
  @Public()
  notice(): Promise<PrivacyNotice> {
    return this.transparency.notice();
  }

  @Get('settings/controller')
  @Allow('admin')
  identity(): Promise<ControllerIdentity> {
    return this.transparency.identity();
  }

  @Put('settings/controller')
  @Allow('admin')
  updateIdentity(@Body() body: ControllerIdentityDto, @CurrentUser() actor: StaffUser): Promise<ControllerIdentity> {
    return this.transparency.updateIdentity(body, actor.id);
  }

  @Get('recipients')
  @Allow('admin')
  recipients(): Promise<RecipientView[]> {
    return this.transparency.recipients();
  }

  @Post('recipients')
  @Allow('admin')
  createRecipient(@Body() body: RecipientDto, @CurrentUser() actor: StaffUser): Promise<RecipientView> {
    return this.transparency.saveRecipient(null, body, actor.id);
  }

  @Put('recipients/:id')
  @Allow('admin')
  updateRecipient(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecipientDto, @CurrentUser() actor: StaffUser): Promise<RecipientView> {
    return this.transparency.saveRecipient(id, body, actor.id);
  }

  @Delete('recipients/:id')
  @Allow('admin')
  @HttpCode(204)
  deleteRecipient(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser): Promise<void> {
    return this.transparency.deleteRecipient(id, actor.id);
  }

  @Get('cookies')
  @Allow('admin')
  cookies(): Promise<CookieView[]> {
    return this.transparency.cookies();
  }

  @Post('cookies')
  @Allow('admin')
  createCookie(@Body() body: CookieDto, @CurrentUser() actor: StaffUser): Promise<CookieView> {
    return this.transparency.saveCookie(null, body, actor.id);
  }

  @Put('cookies/:id')
  @Allow('admin')
  updateCookie(@Param('id', ParseUUIDPipe) id: string, @Body() body: CookieDto, @CurrentUser() actor: StaffUser): Promise<CookieView> {
    return this.transparency.saveCookie(id, body, actor.id);
  }

  @Delete('cookies/:id')
  @Allow('admin')
  @HttpCode(204)
  deleteCookie(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser): Promise<void> {
    return this.transparency.deleteCookie(id, actor.id);
  }

  @Get('privacy/record-of-processing.csv')
  @Allow('admin')
  async recordCsv(@Res() reply: FastifyReply): Promise<void> {
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="record-of-processing.csv"').send(await this.transparency.recordOfProcessing('csv'));
  }

  @Get('privacy/record-of-processing.pdf')
  @Allow('admin')
  async recordPdf(@Res() reply: FastifyReply): Promise<void> {
    void reply.header('content-type', 'application/pdf').header('content-disposition', 'attachment; filename="record-of-processing.pdf"').send(await this.transparency.recordOfProcessing('pdf'));
  }
}
