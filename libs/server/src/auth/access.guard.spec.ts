import { ExecutionContext, ForbiddenException, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role, ROLES } from '@privdesk/domain';
import { FastifyRequest } from 'fastify';
import { Access, ACCESS_KEY, Allow, AnyStaff, Public } from './access.decorator';
import { AccessGuard } from './access.guard';
import { AuthService } from './auth.service';
import { StaffUser } from './staff-user.entity';

/** Routes as Nest sees them: a controller class and one of its handlers, each with or without a declaration. */
class Undeclared {
  route(): string {
    return 'route';
  }
}
@Allow('admin')
class AdminOnly {
  route(): string {
    return 'route';
  }
  @Public() open(): string {
    return 'open';
  }
  @Allow('sales') sales(): string {
    return 'sales';
  }
}
class PerRoute {
  @Allow('admin') admin(): string {
    return 'admin';
  }
  @Allow('technician', 'sales') field(): string {
    return 'field';
  }
  @AnyStaff() staff(): string {
    return 'staff';
  }
  @Public() open(): string {
    return 'open';
  }
}

const user = (role: Role) => ({ id: `user-${role}`, role, active: true }) as StaffUser;

function contextFor(controller: new () => object, handler: string, request: Partial<FastifyRequest>): ExecutionContext {
  return {
    getClass: () => controller,
    getHandler: () => (controller.prototype as Record<string, unknown>)[handler],
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

describe('who may call a route (access decorators)', () => {
  const reflector = new Reflector();
  const declared = (controller: new () => object, handler: string) => reflector.get<Access>(ACCESS_KEY, (controller.prototype as Record<string, () => void>)[handler]);

  it.each([
    ['admin', ['admin']],
    ['field', ['technician', 'sales']],
    ['staff', ROLES],
    ['open', 'public'],
  ] as const)('PerRoute.%s declares %j', (handler, access) => {
    expect(declared(PerRoute, handler)).toEqual(access);
  });

  it('AnyStaff means every role there is', () => {
    expect([...ROLES].sort()).toEqual(['admin', 'sales', 'technician']);
  });
});

describe('AccessGuard', () => {
  const signedIn = jest.fn<Promise<StaffUser | null>, [FastifyRequest]>();
  const guard = new AccessGuard(new Reflector(), { userOfSession: signedIn } as unknown as AuthService);
  let logged: jest.SpyInstance;

  beforeEach(() => {
    signedIn.mockReset();
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('refuses a route that declares no audience, and says which route it is', async () => {
    signedIn.mockResolvedValue(user('admin'));
    await expect(guard.canActivate(contextFor(Undeclared, 'route', {}))).rejects.toThrow(new ForbiddenException('This route is not open to anyone'));
    expect(logged).toHaveBeenCalledWith('Route Undeclared.route declares no access');
    expect(signedIn).not.toHaveBeenCalled();
  });

  it('lets anyone call a public route without asking who is signed in', async () => {
    await expect(guard.canActivate(contextFor(PerRoute, 'open', {}))).resolves.toBe(true);
    expect(signedIn).not.toHaveBeenCalled();
  });

  it.each([
    // route, role, allowed
    ['admin', 'admin', true],
    ['admin', 'technician', false],
    ['admin', 'sales', false],
    ['field', 'admin', false],
    ['field', 'technician', true],
    ['field', 'sales', true],
    ['staff', 'admin', true],
    ['staff', 'technician', true],
    ['staff', 'sales', true],
  ] as const)('PerRoute.%s, signed in as %s: allowed %s', async (handler, role, allowed) => {
    const request: Partial<FastifyRequest> = {};
    signedIn.mockResolvedValue(user(role));
    const decision = guard.canActivate(contextFor(PerRoute, handler, request));
    if (allowed) {
      await expect(decision).resolves.toBe(true);
      expect(request.staffUser).toEqual(user(role));
    } else {
      await expect(decision).rejects.toThrow(new ForbiddenException('Your role may not do this'));
      expect(request.staffUser).toBeUndefined();
    }
    expect(signedIn).toHaveBeenCalledWith(request);
  });

  it.each(['admin', 'field', 'staff'])('PerRoute.%s refuses a visitor who is not signed in (401, not 403)', async (handler) => {
    signedIn.mockResolvedValue(null);
    await expect(guard.canActivate(contextFor(PerRoute, handler, {}))).rejects.toThrow(new UnauthorizedException('Sign in to continue'));
  });

  it.each([
    // handler, role, allowed: the handler's declaration overrides the controller's
    ['route', 'admin', true],
    ['route', 'sales', false],
    ['sales', 'sales', true],
    ['sales', 'admin', false],
    ['open', null, true],
  ] as const)('AdminOnly.%s as %s: allowed %s', async (handler, role, allowed) => {
    signedIn.mockResolvedValue(role ? user(role) : null);
    const decision = guard.canActivate(contextFor(AdminOnly, handler, {}));
    if (allowed) await expect(decision).resolves.toBe(true);
    else await expect(decision).rejects.toThrow(ForbiddenException);
  });
});
