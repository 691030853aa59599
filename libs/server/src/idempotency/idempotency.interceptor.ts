import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { InjectDataSource } from '@nestjs/typeorm';
import { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { catchError, from, map, mergeMap, Observable, of, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { DomainError, invalidField } from '../core/errors';

const HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{8,200}$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The records an answer shows: when any of them is culled or erased, the kept answer goes too. */
function idsIn(json: string): string[] {
  return [...new Set((json.match(UUID) ?? []).map((id) => id.toLowerCase()))];
}

/**
 * `Idempotency-Key` on a POST (every create and send): the first request with a key runs and its
 * answer is kept an hour (it can hold personal data: no longer than a retry needs, and forgotten
 * with the records it shows); a repeat gets the same answer again (`Idempotent-Replayed: true`) and does
 * nothing twice; a repeat while the first still runs is refused (409), so a double submit or a
 * client's retry never makes two tickets or mails everyone twice. Keys are per caller: signed-in
 * user, or the client's address for the public forms.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers[HEADER];
    // Signing in and out are not creates: a second sign-in must start a session of its own.
    if (request.method !== 'POST' || key === undefined || request.url.startsWith('/api/auth/')) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) return throwError(() => invalidField('Idempotency-Key', 'An idempotency key is 8 to 200 visible characters'));
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const scope = request.staffUser ? `user:${request.staffUser.id}` : `address:${createHash('sha256').update(request.ip).digest('base64url')}`;
    const path = request.url.split('?')[0];
    const fingerprint = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('base64url');
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;

    return from(
      this.dataSource.query(
        `INSERT INTO idempotent_request (scope, key, path, fingerprint) VALUES ($1, $2, $3, $4) ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
        [scope, key, path, fingerprint],
      ),
    ).pipe(
      mergeMap((inserted: unknown[]) => {
        if (inserted.length) {
          return next.handle().pipe(
            // Kept before answering, so a retry that arrives the moment the answer does is replayed, not refused.
            mergeMap((body) => {
              const json = JSON.stringify(body ?? null);
              return from(
                this.dataSource.query(`UPDATE idempotent_request SET status = $3, body = $4, record_ids = $5 WHERE scope = $1 AND key = $2`, [scope, key, status, json, idsIn(json)]),
              ).pipe(map(() => body));
            }),
            // A request that failed may be tried again with the same key.
            catchError((error) => from(this.dataSource.query(`DELETE FROM idempotent_request WHERE scope = $1 AND key = $2`, [scope, key])).pipe(mergeMap(() => throwError(() => error)))),
          );
        }
        return from(this.dataSource.query(`SELECT path, fingerprint, status, body FROM idempotent_request WHERE scope = $1 AND key = $2`, [scope, key])).pipe(
          mergeMap(([earlier]: Array<{ path: string; fingerprint: string; status: number | null; body: unknown }>) => {
            if (!earlier || earlier.status === null) throw new DomainError('conflict', 'A request with this idempotency key is still running', undefined, { code: 'idempotency_in_progress' });
            if (earlier.path !== path || earlier.fingerprint !== fingerprint) {
              throw new DomainError('conflict', 'This idempotency key was used for another request', undefined, { code: 'idempotency_key_reused' });
            }
            void reply.status(earlier.status).header('idempotent-replayed', 'true');
            return of(earlier.body);
          }),
        );
      }),
    );
  }
}
