import { plainToInstance } from 'class-transformer';
import { Equals, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, validate } from 'class-validator';
import { DomainError } from '../core/errors';
import { IsPhone, TrimToNull } from '../core/validators';

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
