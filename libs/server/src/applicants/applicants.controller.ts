import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApplicantView, Page } from '@privdesk/domain';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, Public } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { DomainError, invalidFields } from '../core/errors';
import { PageQueryDto } from '../core/page-query.dto';
import { unstorableTextFields } from '../core/storable-text';
import { sensitivityOfField, validateApplicationFields, validateRegisteredFields } from './applicant-input';
import { acceptedDocument } from './document-type';
import { ApplicantsService, UploadedDocument } from './applicants.service';

/** Applications come in through a public form or are registered by admins from other channels; only admins read them. */
@ApiTags('applicants')
@Controller()
export class ApplicantsController {
  constructor(private readonly applicants: ApplicantsService) {}

  @Post('public/applications')
  @Public()
  @HttpCode(202)
  async apply(@Req() request: FastifyRequest): Promise<{ received: true }> {
    if (!request.isMultipart()) throw new DomainError('invalid', 'Send the application as multipart/form-data');
    const fields: Record<string, string> = {};
    const documents: UploadedDocument[] = [];
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (content.length > 0) documents.push(acceptedDocument(part.filename, part.mimetype, content));
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
    const unstorable = unstorableTextFields(fields);
    if (Object.keys(unstorable).length) throw invalidFields(unstorable);
    return this.applicants.apply(await validateApplicationFields(fields), documents);
  }

  /**
   * An application that came by e-mail, on paper or through a recruiter (multipart/form-data):
   * its fields, and scanned documents as `documents` or `documents.<sensitivity>` (personnummer,
   * drug_test, health_reference) for what only recruiting admins may open.
   */
  @Post('applicants')
  @Allow('admin')
  async register(@Req() request: FastifyRequest, @CurrentUser() actor: StaffUser): Promise<ApplicantView> {
    if (!request.isMultipart()) throw new DomainError('invalid', 'Send the application as multipart/form-data');
    const fields: Record<string, string> = {};
    const documents: UploadedDocument[] = [];
    const wrongFiles: Record<string, string[]> = {};
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        const sensitivity = sensitivityOfField(part.fieldname);
        if (!sensitivity) wrongFiles[part.fieldname] = ['Send documents as documents or documents.personnummer, documents.drug_test, documents.health_reference'];
        else if (content.length > 0) documents.push({ ...acceptedDocument(part.filename, part.mimetype, content), sensitivity });
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
    const unstorable = { ...unstorableTextFields(fields), ...wrongFiles };
    if (Object.keys(unstorable).length) throw invalidFields(unstorable);
    return this.applicants.register(await validateRegisteredFields(fields), documents, actor);
  }

  @Get('applicants')
  @Allow('admin')
  list(@Query() query: PageQueryDto, @CurrentUser() actor: StaffUser): Promise<Page<ApplicantView>> {
    return this.applicants.list(query, actor);
  }

  @Get('applicants/:id')
  @Allow('admin')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser): Promise<ApplicantView> {
    return this.applicants.get(id, actor);
  }

  @Get('applicants/:id/documents/:documentId')
  @Allow('admin')
  async document(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @CurrentUser() actor: StaffUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const document = await this.applicants.document(id, documentId, actor);
    void reply
      .header('content-type', document.contentType)
      .header('content-disposition', `attachment; filename="${encodeURIComponent(document.filename)}"`)
      .header('x-content-sha256', document.sha256)
      .send(document.content);
  }

  @Post('applicants/:id/withdraw-consent')
  @Allow('admin')
  @HttpCode(204)
  withdraw(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser): Promise<void> {
    return this.applicants.withdrawConsent(id, actor.id);
  }
}
