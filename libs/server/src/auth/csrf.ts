import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER } from './session.types';

declare module 'fastify' {
  interface FastifyReply {
    /** A CSRF token for this request's session, also set as the readable `XSRF-TOKEN` cookie. */
    issueCsrfToken(): string;
  }
}

/**
 * CSRF tokens without server state, so that a visitor who has not signed in gets no stored
 * session: a random nonce and an HMAC of it over the session the token belongs to — the signed-in
 * session's id, or "anonymous" before sign-in (the sign-in form is the only thing an anonymous
 * visitor posts). A request must carry the token both in the `XSRF-TOKEN` cookie and in the
 * `X-XSRF-TOKEN` header: another site can neither read the cookie nor set the header. A token
 * from another session, or from before signing in, does not verify.
 */
export class CsrfTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('privdesk csrf token').digest();
  }

  issue(request: FastifyRequest): string {
    const nonce = randomBytes(18).toString('base64url');
    return `${nonce}.${this.mac(nonce, bindingOf(request))}`;
  }

  verify(request: FastifyRequest): boolean {
    const header = request.headers[CSRF_HEADER];
    const cookie = request.cookies?.[CSRF_COOKIE];
    if (typeof header !== 'string' || header !== cookie) return false;
    const [nonce, mac, ...rest] = header.split('.');
    if (!nonce || !mac || rest.length) return false;
    const expected = Buffer.from(this.mac(nonce, bindingOf(request)));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(nonce: string, binding: string): string {
    return createHmac('sha256', this.key).update(`${binding}\n${nonce}`).digest('base64url');
  }
}

function bindingOf(request: FastifyRequest): string {
  const session = request.session;
  return session?.userId ? `session:${session.sessionId}` : 'anonymous';
}

/** The error the exception filter turns into "reload the page" (the code it knows CSRF failures by). */
export function csrfRefused(): Error {
  return Object.assign(new Error('Invalid CSRF token'), { statusCode: 403, code: 'FST_CSRF_INVALID_TOKEN' });
}

/** Decorates replies with `issueCsrfToken()`, setting the cookie the web app reads and echoes. */
export function decorateCsrf(fastify: FastifyInstance, tokens: CsrfTokens, secure: boolean): void {
  fastify.decorateReply('issueCsrfToken', function (this: FastifyReply): string {
    const token = tokens.issue(this.request);
    // Readable by the web app on purpose: it echoes the token in a header, which another site cannot do.
    void this.setCookie(CSRF_COOKIE, token, { path: '/', sameSite: 'strict', secure, httpOnly: false });
    return token;
  });
}
