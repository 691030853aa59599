import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { Access, ACCESS_KEY } from './access.decorator';
import { AuthService } from './auth.service';
import './session.types';

/** Global guard: a signed-in, active staff user with one of the route's roles, or a public route. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (access === undefined) {
      // Deny by default: a route that forgot to declare its audience is a bug, not a public route.
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access`);
      throw new ForbiddenException('This route is not open to anyone');
    }
    if (access === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const user = await this.auth.userOfSession(request);
    if (!user) throw new UnauthorizedException('Sign in to continue');
    if (!access.includes(user.role)) throw new ForbiddenException('Your role may not do this');
    request.staffUser = user;
    return true;
  }
}
