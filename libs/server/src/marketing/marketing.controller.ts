import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsEmail, IsHexadecimal, IsString, Length } from 'class-validator';
import { FastifyReply } from 'fastify';
import { Allow, Public } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { SuppressionService } from './suppression.service';
import { MarketingContactView, MarketingSendResult, Page } from '@privdesk/domain';
import { CreateMarketingContactDto, MarketingContactQueryDto, MarketingSendDto } from './marketing-contact.dto';
import { MarketingContactsService } from './marketing-contacts.service';

class OptOutDto {
  @IsString() @IsEmail({}, { message: 'Not a valid e-mail address' }) email!: string;
  @IsString() @IsHexadecimal() @Length(64, 64, { message: 'The link is not valid' }) token!: string;
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title>` +
  `<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style></head><body>${text}</body></html>`;

@ApiTags('marketing')
@Controller()
export class MarketingController {
  constructor(
    private readonly suppression: SuppressionService,
    private readonly contacts: MarketingContactsService,
  ) {}

  @Get('marketing/contacts')
  @Allow('admin', 'sales')
  list(@Query() query: MarketingContactQueryDto): Promise<Page<MarketingContactView>> {
    return this.contacts.list(query);
  }

  @Post('marketing/contacts')
  @Allow('admin', 'sales')
  create(@Body() body: CreateMarketingContactDto, @CurrentUser() actor: StaffUser): Promise<MarketingContactView> {
    return this.contacts.create(body, actor.id);
  }

  @Delete('marketing/contacts/:id')
  @Allow('admin', 'sales')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser): Promise<void> {
    return this.contacts.remove(id, actor.id);
  }

  /** A marketing mail to every contact it may lawfully go to; `dryRun` shows the decisions only. */
  @Post('marketing/sends')
  @Allow('admin', 'sales')
  @HttpCode(200)
  send(@Body() body: MarketingSendDto, @CurrentUser() actor: StaffUser): Promise<MarketingSendResult> {
    return this.contacts.send(body, actor.id);
  }

  @Post('people/:id/marketing-objection')
  @Allow('admin', 'sales')
  @HttpCode(204)
  async object(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser): Promise<void> {
    await this.suppression.objectFor(id, actor.id);
  }

  /** The link in a marketing mail: a page with one button, so link scanners do not opt people out. */
  @Get('public/marketing/opt-out')
  @Public()
  optOutPage(@Query() query: OptOutDto, @Res() reply: FastifyReply): void {
    const action = `?${new URLSearchParams({ email: query.email, token: query.token })}`;
    void reply
      .type('text/html; charset=utf-8')
      .send(
        page(
          'Avregistrera / Unsubscribe',
          `<h1>Avregistrera från marknadsföring</h1><p>Vill du inte längre få marknadsföring från oss till ${escapeHtml(query.email)}?</p>` +
            `<form method="post" action="${escapeHtml(action)}"><button type="submit">Ja, avregistrera mig / Yes, unsubscribe me</button></form>`,
        ),
      );
  }

  /** One-click opt-out (RFC 8058 List-Unsubscribe-Post) and the page's button. */
  @Post('public/marketing/opt-out')
  @Public()
  @HttpCode(200)
  async optOut(@Query() query: OptOutDto, @Res() reply: FastifyReply): Promise<void> {
    await this.suppression.optOut(query.email, query.token);
    void reply
      .type('text/html; charset=utf-8')
      .send(page('Avregistrerad / Unsubscribed', '<h1>Du är avregistrerad</h1><p>Vi skickar ingen mer marknadsföring till dig. / You will get no more marketing from us.</p>'));
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}
