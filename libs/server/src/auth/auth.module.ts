import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { StaffSession } from './staff-session.entity';
import { StaffUser } from './staff-user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffUser, StaffSession])],
  controllers: [AuthController, UsersController],
  providers: [AuthService, UsersService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, UsersService],
})
export class AuthModule {}
