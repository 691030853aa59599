import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function collect(errors: ValidationError[], prefix = '', into: Record<string, string[]> = {}): Record<string, string[]> {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) into[path] = Object.values(error.constraints);
    if (error.children?.length) collect(error.children, path, into);
  }
  return into;
}

/** Rejects unknown fields and reports every broken rule per field, keyed by dotted path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // One message per field: the first rule it breaks.
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fields = collect(errors);
      const count = Object.keys(fields).length;
      return new BadRequestException({
        message: count === 1 ? `${Object.keys(fields)[0]}: ${Object.values(fields)[0][0]}` : `${count} fields are invalid`,
        fields,
      });
    },
  });
}
