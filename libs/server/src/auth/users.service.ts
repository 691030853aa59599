import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CreateUserRequest, StaffUser as StaffUserView, UpdateUserRequest } from '@privdesk/domain';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { applyChanges } from '../core/apply-changes';
import { DomainError, invalidField, notFound } from '../core/errors';
import { checkVersion } from '../core/versions';
import { AuthService, toStaffUserView } from './auth.service';
import { hashPassword } from './password';
import { StaffSession } from './staff-session.entity';
import { StaffUser } from './staff-user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(StaffUser) private readonly users: Repository<StaffUser>,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<StaffUserView[]> {
    const users = await this.users.find({ order: { active: 'DESC', name: 'ASC' } });
    return users.map(toStaffUserView);
  }

  async create(request: CreateUserRequest, actorId: string | null): Promise<StaffUserView> {
    const email = request.email.trim().toLowerCase();
    if (await this.users.existsBy({ email })) {
      throw new DomainError('conflict', 'A user with this e-mail already exists', { email: ['A user with this e-mail already exists'] });
    }
    const user = await this.users.save(
      this.users.create({ email, name: request.name, role: request.role, passwordHash: await hashPassword(request.password), active: true }),
    );
    await this.audit.record({ actorId, action: 'staff_user.created', entityType: 'staff_user', entityId: user.id, fields: ['email', 'name', 'role'] });
    return toStaffUserView(user);
  }

  async update(id: string, request: UpdateUserRequest, actorId: string): Promise<StaffUserView> {
    const user = await this.users.manager.transaction(async (manager) => {
      const user = await manager.findOne(StaffUser, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('The user');
      checkVersion('The user', user.version, request.version);
      if (id === actorId && (request.active === false || (request.role && request.role !== 'admin'))) {
        throw new DomainError('conflict', 'You cannot deactivate yourself or take away your own admin role');
      }
      if (request.recruiter && (request.role ?? user.role) !== 'admin') throw invalidField('recruiter', 'Only an admin can be a recruiting admin');
      const changed: string[] = applyChanges(user, request, ['name', 'role', 'active', 'recruiter']);
      // A recruiter who stops being an admin stops being a recruiter.
      if (user.role !== 'admin' && user.recruiter) {
        user.recruiter = false;
        changed.push('recruiter');
      }
      if (request.password !== undefined) {
        user.passwordHash = await hashPassword(request.password);
        changed.push('password');
      }
      if (!changed.length) return user;
      user.version += 1;
      await manager.save(user);
      // A new role, a new password or deactivation takes effect now: every open session of the user ends.
      if (changed.some((field) => field !== 'name')) await manager.delete(StaffSession, { userId: user.id });
      await this.audit.record({ actorId, action: 'staff_user.updated', entityType: 'staff_user', entityId: user.id, fields: changed }, manager);
      return user;
    });
    return toStaffUserView(user);
  }

  /** On an empty database, creates the first admin; returns null when any user exists. */
  async createFirstAdmin(email: string, password: string): Promise<StaffUserView | null> {
    if ((await this.users.count()) > 0) return null;
    return this.create({ email, name: 'Administrator', role: 'admin', password }, null);
  }
}
