import { takeUserReadWithSession } from './session.store';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { StaffUser as StaffUserView } from '@privdesk/domain';
import { FastifyRequest } from 'fastify';
import { Repository } from 'typeorm';
import { hashPassword, verifyPassword } from './password';
import './session.types';
import { StaffSession } from './staff-session.entity';
import { StaffUser } from './staff-user.entity';

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so both failures take as long. */
  private readonly decoyHash = hashPassword('decoy password that never matches');

  constructor(
    @InjectRepository(StaffUser) private readonly users: Repository<StaffUser>,
    @InjectRepository(StaffSession) private readonly sessions: Repository<StaffSession>,
  ) {}

  async verifyCredentials(email: string, password: string): Promise<StaffUser | null> {
    const user = await this.users.findOneBy({ email: email.trim().toLowerCase() });
    const valid = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    return user && user.active && valid ? user : null;
  }

  async recordLogin(user: StaffUser): Promise<void> {
    user.lastLoginAt = new Date();
    await this.users.update(user.id, { lastLoginAt: user.lastLoginAt });
  }

  async userOfSession(request: FastifyRequest): Promise<StaffUser | null> {
    if (request.staffUser) return request.staffUser;
    const userId = request.session?.userId;
    if (!userId) return null;
    const readWithSession = takeUserReadWithSession(request.session.sessionId);
    const user = readWithSession?.id === userId ? readWithSession : await this.users.findOneBy({ id: userId });
    return user?.active ? user : null;
  }

  async revokeSessionsOf(userId: string): Promise<void> {
    await this.sessions.delete({ userId });
  }

  async purgeIdempotentAnswers(): Promise<void> {
    await this.sessions.manager.query(`DELETE FROM idempotent_request WHERE created_at < now() - interval '1 hour'`);
  }

  async purgeExpiredSessions(): Promise<number> {
    const result = await this.sessions.createQueryBuilder().delete().where('expires_at <= now()').execute();
    return result.affected ?? 0;
  }
}

export function toStaffUserView(user: StaffUser): StaffUserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    recruiter: user.recruiter,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
    version: user.version,
  };
}
