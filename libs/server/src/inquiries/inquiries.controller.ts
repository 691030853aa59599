import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InquiryView, Page } from '@privdesk/domain';
import { AnyStaff, Public } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { ConvertInquiryDto, CreateInquiryDto, InquiryQueryDto } from './inquiry.dto';
import { InquiriesService } from './inquiries.service';

@ApiTags('inquiries')
@Controller()
export class InquiriesController {
  constructor(private readonly inquiries: InquiriesService) {}

  /** The public contact form (honeypot and a per-address rate limit; no third-party captcha). */
  @Post('public/inquiries')
  @Public()
  @HttpCode(202)
  receive(@Body() body: CreateInquiryDto): Promise<{ received: true }> {
    return this.inquiries.receive(body);
  }

  @Get('inquiries')
  @AnyStaff()
  list(@Query() query: InquiryQueryDto): Promise<Page<InquiryView>> {
    return this.inquiries.list(query);
  }

  @Get('inquiries/:id')
  @AnyStaff()
  get(@Param('id', ParseUUIDPipe) id: string): Promise<InquiryView> {
    return this.inquiries.get(id);
  }

  @Post('inquiries/:id/convert')
  @AnyStaff()
  @HttpCode(200)
  convert(@Param('id', ParseUUIDPipe) id: string, @Body() body: ConvertInquiryDto, @CurrentUser() actor: StaffUser): Promise<InquiryView> {
    return this.inquiries.convert(id, body, actor);
  }
}
