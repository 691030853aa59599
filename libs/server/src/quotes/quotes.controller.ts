import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, QuoteDetail, QuoteListItem, QuoteSettings, SalesPipeline } from '@privdesk/domain';
import { FastifyReply } from 'fastify';
import { Allow, AnyStaff } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { CreateQuoteDto, LoseQuoteDto, QuoteQueryDto, QuoteSettingsDto, RenewQuoteDto, UpdateQuoteDto, WinQuoteDto } from './quote.dto';
import { QuotesService } from './quotes.service';

/** Sales and admins write quotes; technicians read them, without prices unless an admin allows it. */
@ApiTags('quotes')
@Controller()
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Get('quotes')
  @AnyStaff()
  list(@Query() query: QuoteQueryDto, @CurrentUser() viewer: StaffUser): Promise<Page<QuoteListItem>> {
    return this.quotes.list(query, viewer);
  }

  @Get('quotes/pipeline')
  @Allow('admin', 'sales')
  pipeline(): Promise<SalesPipeline> {
    return this.quotes.pipeline();
  }

  @Post('quotes')
  @Allow('admin', 'sales')
  create(@Body() body: CreateQuoteDto, @CurrentUser() actor: StaffUser): Promise<QuoteDetail> {
    return this.quotes.create(body, actor);
  }

  @Get('quotes/:id')
  @AnyStaff()
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() viewer: StaffUser): Promise<QuoteDetail> {
    return this.quotes.get(id, viewer);
  }

  @Patch('quotes/:id')
  @Allow('admin', 'sales')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateQuoteDto, @CurrentUser() actor: StaffUser): Promise<QuoteDetail> {
    return this.quotes.update(id, body, actor);
  }

  @Post('quotes/:id/win')
  @Allow('admin', 'sales')
  win(@Param('id', ParseUUIDPipe) id: string, @Body() body: WinQuoteDto, @CurrentUser() actor: StaffUser): Promise<QuoteDetail> {
    return this.quotes.win(id, body, actor);
  }

  @Post('quotes/:id/renew')
  @Allow('admin', 'sales')
  renew(@Param('id', ParseUUIDPipe) id: string, @Body() body: RenewQuoteDto, @CurrentUser() actor: StaffUser): Promise<QuoteDetail> {
    return this.quotes.renew(id, body.validUntil, actor);
  }

  @Post('quotes/:id/lose')
  @Allow('admin', 'sales')
  lose(@Param('id', ParseUUIDPipe) id: string, @Body() body: LoseQuoteDto, @CurrentUser() actor: StaffUser): Promise<QuoteDetail> {
    return this.quotes.lose(id, body, actor);
  }

  /** The PDF shows prices, so only those who may see them get it. */
  @Get('quotes/:id/pdf')
  @Allow('admin', 'sales')
  async pdf(@Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { filename, pdf } = await this.quotes.pdf(id);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
  }

  @Get('settings/quotes')
  @AnyStaff()
  settings(): Promise<QuoteSettings> {
    return this.quotes.settings();
  }

  @Put('settings/quotes')
  @Allow('admin')
  updateSettings(@Body() body: QuoteSettingsDto, @CurrentUser() actor: StaffUser): Promise<QuoteSettings> {
    return this.quotes.updateSettings(body, actor.id);
  }
}
