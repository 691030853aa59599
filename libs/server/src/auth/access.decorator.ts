import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiExtension } from '@nestjs/swagger';
import { Role, ROLES } from '@privdesk/domain';
import { SESSION_COOKIE } from './session.types';

export const ACCESS_KEY = 'privdesk:access';
export type Access = 'public' | readonly Role[];

/** The API document says who may call each route (`x-roles`), from the same declaration the guard enforces. */
const staffOnly = (roles: readonly Role[]) => applyDecorators(SetMetadata(ACCESS_KEY, roles satisfies Access), ApiCookieAuth(SESSION_COOKIE), ApiExtension('x-roles', roles));

/** Who may call a route. Every route declares it; the access guard refuses undeclared ones. */
export const Allow = (...roles: Role[]) => staffOnly(roles);
export const AnyStaff = () => staffOnly(ROLES);
export const Public = () => SetMetadata(ACCESS_KEY, 'public' satisfies Access);
