import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiError } from '@privdesk/domain';
import { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './errors';

const REASONS: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** One error shape for every failure: `{ statusCode, error, message, fields? }`. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toApiError(exception);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.warn(`Database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      void reply.header('retry-after', '5');
    } else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof DomainError) {
      const body = this.shape(exception.status, exception.message, exception.fields);
      return exception.reason ? { ...body, code: exception.reason.code, ...(exception.reason.params ? { params: exception.reason.params } : {}) } : body;
    }
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const payload = typeof response === 'object' && response !== null ? (response as Partial<ApiError>) : {};
      const message = typeof response === 'string' ? response : (payload.message ?? exception.message);
      return this.shape(exception.getStatus(), String(message), payload.fields);
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      // Constraint violations that validation could not foresee (a race on a unique value) are the client's conflict.
      if (code === '23505') return this.shape(HttpStatus.CONFLICT, 'The record conflicts with an existing one');
      if (code === '22P02' || code === '22007' || code === '22008') return this.shape(HttpStatus.BAD_REQUEST, 'A value has the wrong format');
    }
    // Errors of Fastify and its plugins (body parsing, CSRF, rate limit, multipart) reach Nest's filters too.
    const fastifyError = exception as { statusCode?: number; message?: string; code?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const message = fastifyError.code?.startsWith('FST_CSRF')
        ? 'The page is out of date or the request came from elsewhere: reload the page and try again'
        : (fastifyError.message ?? 'Bad request');
      return this.shape(fastifyError.statusCode, message);
    }
    // A restart or failover of PostgreSQL: the pool reconnects by itself, the client may simply try again.
    if (databaseUnavailable(exception)) return this.shape(HttpStatus.SERVICE_UNAVAILABLE, 'The database is not answering; try again in a moment');
    return this.shape(HttpStatus.INTERNAL_SERVER_ERROR, 'Something went wrong on our side; the error has been logged');
  }

  private shape(statusCode: number, message: string, fields?: Record<string, string[]>): ApiError {
    return { statusCode, error: REASONS[statusCode] ?? 'Error', message, ...(fields ? { fields } : {}) };
  }
}

// Connection errors of node-postgres and PostgreSQL's own "shutting down / starting up" states.
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|Connection refused|the database system is (shutting down|starting up)/i;

export function databaseUnavailable(exception: unknown): boolean {
  const error = exception as { code?: string; message?: string; driverError?: { code?: string; message?: string } } | undefined;
  const code = error?.driverError?.code ?? error?.code;
  return Boolean((code && UNAVAILABLE_CODES.has(code)) || UNAVAILABLE_MESSAGES.test(`${error?.message ?? ''} ${error?.driverError?.message ?? ''}`));
}
