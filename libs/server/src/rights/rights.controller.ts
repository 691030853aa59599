import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ErasureProposal, ErasureResult, PersonSearchResponse } from '@privdesk/domain';
import { IsOptional, IsUUID } from 'class-validator';
import { FastifyReply } from 'fastify';
import { Allow } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { TransparencyService } from '../transparency/transparency.service';
import { accessExportPdf } from './access-export-pdf';
import { ErasureService } from './erasure.service';
import { PersonSearchQueryDto } from './person-search.dto';
import { SubjectAccessService } from './subject-access.service';

class EraseDto {
  @IsOptional() @IsUUID() requestId?: string | null;
}

/** Data-subject rights on a person: find everywhere, export, erase. Admins only; every step audited. */
@ApiTags('people')
@Controller('people')
export class RightsController {
  constructor(
    private readonly access: SubjectAccessService,
    private readonly erasure: ErasureService,
    private readonly transparency: TransparencyService,
  ) {}

  /** Finds a data subject everywhere, by name, e-mail, phone or personnummer. */
  @Get()
  @Allow('admin')
  search(@Query() query: PersonSearchQueryDto, @CurrentUser() actor: StaffUser): Promise<PersonSearchResponse> {
    return this.access.search(query.q, actor.id);
  }

  /** The access export (machine-readable, for portability): every record with purpose, basis, deadline, source and recipients. */
  @Get(':id/export')
  @Allow('admin')
  async export(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const document = await this.access.export(id, actor.id);
    void reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="privdesk-export-${id.slice(0, 8)}.json"`)
      .send(JSON.stringify(document, null, 2));
  }

  /** The same export as a letter for the person. */
  @Get(':id/export.pdf')
  @Allow('admin')
  async exportPdf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const pdf = await accessExportPdf(await this.access.export(id, actor.id), await this.transparency.identity());
    void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="registerutdrag-${id.slice(0, 8)}.pdf"`).send(pdf);
  }

  @Get(':id/erasure-proposal')
  @Allow('admin')
  propose(@Param('id', ParseUUIDPipe) id: string): Promise<ErasureProposal> {
    return this.erasure.propose(id);
  }

  @Post(':id/erase')
  @Allow('admin')
  @HttpCode(200)
  erase(@Param('id', ParseUUIDPipe) id: string, @Body() body: EraseDto, @CurrentUser() actor: StaffUser): Promise<ErasureResult> {
    return this.erasure.erase(id, body.requestId ?? null, actor.id);
  }
}
