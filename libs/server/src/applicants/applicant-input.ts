import { plainToInstance } from 'class-transformer';
import { Equals, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf, validate } from 'class-validator';
import { DOCUMENT_SENSITIVITIES, DocumentSensitivity, stockholmDate } from '@privdesk/domain';
import { DomainError } from '../core/errors';
import { IsCalendarDate, IsPhone, TrimToNull } from '../core/validators';

/** The fields of the application form (multipart), validated like any other body. */
export class ApplicationFields {
  @TrimToNull() @IsString({ message: 'Enter your first name' }) @MinLength(1, { message: 'Enter your first name' }) @MaxLength(100) firstName!: string;
  @TrimToNull() @IsString({ message: 'Enter your last name' }) @MinLength(1, { message: 'Enter your last name' }) @MaxLength(100) lastName!: string;
  @TrimToNull() @IsEmail({}, { message: 'Enter a valid e-mail address' }) @MaxLength(254) email!: string;
  @IsOptional() @TrimToNull() @IsPhone() phone?: string | null;
  @TrimToNull() @IsString({ message: 'Say which job or internship you apply for' }) @MinLength(1, { message: 'Say which job or internship you apply for' }) @MaxLength(200) position!: string;
  @Equals('true', { message: 'The application can only be kept with your consent' }) consent!: string;
  @IsOptional() @IsIn(['sv', 'en']) language?: 'sv' | 'en';
  @IsOptional() @IsString() @MaxLength(500) website?: string;
}

export const ALLOWED_DOCUMENT_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'image/jpeg',
  'image/png',
  'text/plain',
];

export async function validateApplicationFields(raw: Record<string, string>): Promise<ApplicationFields> {
  const known = new Set(['firstName', 'lastName', 'email', 'phone', 'position', 'consent', 'language', 'website']);
  const fields: Record<string, string[]> = {};
  for (const key of Object.keys(raw)) if (!known.has(key)) fields[key] = [`property ${key} should not exist`];
  const instance = plainToInstance(ApplicationFields, raw);
  for (const error of await validate(instance, { stopAtFirstError: true })) fields[error.property] = Object.values(error.constraints ?? {});
  if (Object.keys(fields).length) throw new DomainError('invalid', `${Object.keys(fields).length} fields are invalid`, fields);
  return instance;
}

/** An application staff register from e-mail, paper or a recruiter, with the consent they obtained. */
export class RegisteredApplicationFields {
  @TrimToNull() @IsString({ message: 'Enter the first name' }) @MinLength(1, { message: 'Enter the first name' }) @MaxLength(100) firstName!: string;
  @TrimToNull() @IsString({ message: 'Enter the last name' }) @MinLength(1, { message: 'Enter the last name' }) @MaxLength(100) lastName!: string;
  @IsOptional() @TrimToNull() @IsEmail({}, { message: 'Enter a valid e-mail address' }) @MaxLength(254) email?: string | null;
  @IsOptional() @TrimToNull() @IsPhone() phone?: string | null;
  @TrimToNull() @IsString({ message: 'Say which job or internship the application is for' }) @MinLength(1, { message: 'Say which job or internship the application is for' }) @MaxLength(200) position!: string;
  @IsIn(['email', 'paper', 'recruiter'], { message: 'source must be one of email, paper, recruiter' }) source!: 'email' | 'paper' | 'recruiter';
  @ValidateIf((fields: RegisteredApplicationFields) => fields.source === 'recruiter' || fields.recruiterName !== undefined)
  @TrimToNull()
  @IsString({ message: 'Name the recruiting firm or site' })
  @MinLength(1, { message: 'Name the recruiting firm or site' })
  @MaxLength(200)
  recruiterName?: string | null;
  @IsCalendarDate() receivedOn!: string;
  /** How the applicant consented, in the words obtained (a signed form, an e-mail, the recruiter's consent). */
  @TrimToNull() @IsString({ message: 'Record the consent the applicant gave' }) @MinLength(1, { message: 'Record the consent the applicant gave' }) @MaxLength(2000) consentText!: string;
}

/** A document's field name says what it holds: `documents` or `documents.<sensitivity>`. */
export function sensitivityOfField(fieldname: string): DocumentSensitivity | null {
  if (fieldname === 'documents') return 'none';
  const [name, sensitivity] = fieldname.split('.');
  return name === 'documents' && (DOCUMENT_SENSITIVITIES as readonly string[]).includes(sensitivity) ? (sensitivity as DocumentSensitivity) : null;
}

export async function validateRegisteredFields(raw: Record<string, string>): Promise<RegisteredApplicationFields> {
  const known = new Set(['firstName', 'lastName', 'email', 'phone', 'position', 'source', 'recruiterName', 'receivedOn', 'consentText']);
  const fields: Record<string, string[]> = {};
  for (const key of Object.keys(raw)) if (!known.has(key)) fields[key] = [`property ${key} should not exist`];
  const instance = plainToInstance(RegisteredApplicationFields, raw);
  for (const error of await validate(instance, { stopAtFirstError: true })) fields[error.property] = Object.values(error.constraints ?? {});
  if (!fields['receivedOn'] && instance.receivedOn > stockholmDate(new Date())) fields['receivedOn'] = ['The application cannot have been received after today'];
  if (Object.keys(fields).length) throw new DomainError('invalid', `${Object.keys(fields).length} fields are invalid`, fields);
  return instance;
}
