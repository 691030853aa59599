import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import './session.types';
import { StaffUser } from './staff-user.entity';

/** The signed-in staff user, put on the request by the access guard. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): StaffUser => {
  const user = context.switchToHttp().getRequest<FastifyRequest>().staffUser;
  if (!user) throw new Error('CurrentUser used on a route without a signed-in user');
  return user;
});
