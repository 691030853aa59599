import { SetMetadata } from '@nestjs/common';
import { Role, ROLES } from '@privdesk/domain';

export const ACCESS_KEY = 'privdesk:access';
export type Access = 'public' | readonly Role[];

/** Who may call a route. Every route declares it; the access guard refuses undeclared ones. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_KEY, roles satisfies Access);
export const AnyStaff = () => SetMetadata(ACCESS_KEY, ROLES satisfies Access);
export const Public = () => SetMetadata(ACCESS_KEY, 'public' satisfies Access);
