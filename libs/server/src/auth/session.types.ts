import { StaffUser } from './staff-user.entity';

declare module 'fastify' {
  interface Session {
    userId?: string;
  }
  interface FastifyRequest {
    staffUser?: StaffUser;
  }
}

export const SESSION_COOKIE = 'privdesk_session';
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';
