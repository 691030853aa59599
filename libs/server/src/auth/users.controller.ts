import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { StaffUser as StaffUserView } from '@privdesk/domain';
import { Allow } from './access.decorator';
import { CurrentUser } from './current-user.decorator';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { StaffUser } from './staff-user.entity';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('admin')
  list(): Promise<StaffUserView[]> {
    return this.users.list();
  }

  @Post()
  @Allow('admin')
  create(@Body() body: CreateUserDto, @CurrentUser() actor: StaffUser): Promise<StaffUserView> {
    return this.users.create(body, actor.id);
  }

  @Patch(':id')
  @Allow('admin')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto, @CurrentUser() actor: StaffUser): Promise<StaffUserView> {
    return this.users.update(id, body, actor.id);
  }
}
