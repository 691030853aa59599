import { Body, Controller, Get, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SessionInfo } from '@privdesk/domain';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { Public } from './access.decorator';
import { AuthService, toStaffUserView } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { CSRF_COOKIE } from './session.types';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /** Who is signed in; also hands out the CSRF token (cookie `XSRF-TOKEN`, echoed in header `X-XSRF-TOKEN`). */
  @Get('session')
  @Public()
  async session(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionInfo> {
    reply.issueCsrfToken();
    const user = await this.auth.userOfSession(request);
    return { user: user ? toStaffUserView(user) : null };
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionInfo> {
    const user = await this.auth.verifyCredentials(body.email, body.password);
    if (!user) {
      await this.audit.record({ actorId: null, action: 'auth.login.failed', entityType: 'staff_user', entityId: null });
      throw new UnauthorizedException('Wrong e-mail or password');
    }
    // A new session id at sign-in, so a planted session cannot be taken over.
    await request.session.regenerate();
    request.session.userId = user.id;
    await this.auth.recordLogin(user);
    // Bound to the new session: the token from before sign-in no longer works.
    reply.issueCsrfToken();
    await this.audit.record({ actorId: user.id, action: 'auth.login', entityType: 'staff_user', entityId: user.id });
    return { user: toStaffUserView(user) };
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const userId = request.session.userId;
    await request.session.destroy();
    void reply.clearCookie(CSRF_COOKIE, { path: '/' });
    if (userId) await this.audit.record({ actorId: userId, action: 'auth.logout', entityType: 'staff_user', entityId: userId });
  }
}
