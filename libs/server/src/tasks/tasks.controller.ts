import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Role, ROLES, StaffMember, StaffTaskView } from '@privdesk/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { AnyStaff } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { TasksService } from './tasks.service';

class StaffQueryDto {
  @IsOptional() @IsIn(ROLES) role?: Role;
}

/** Each colleague's own tasks, and the colleagues one can hand work to. */
@ApiTags('tasks')
@Controller()
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('tasks')
  @AnyStaff()
  mine(@CurrentUser() user: StaffUser): Promise<StaffTaskView[]> {
    return this.tasks.openFor(user.id);
  }

  @Post('tasks/:id/done')
  @AnyStaff()
  @HttpCode(200)
  done(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: StaffUser): Promise<StaffTaskView> {
    return this.tasks.done(id, user.id);
  }

  @Get('staff')
  @AnyStaff()
  async staff(@Query() query: StaffQueryDto): Promise<StaffMember[]> {
    const users = await this.dataSource.getRepository(StaffUser).find({ where: { active: true, ...(query.role ? { role: query.role } : {}) }, order: { name: 'ASC' } });
    return users.map((user) => ({ id: user.id, name: user.name, role: user.role }));
  }
}
