import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StaffTaskView, TaskKind } from '@privdesk/domain';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { notFound } from '../core/errors';
import { StaffTask } from './staff-task.entity';

export interface NewTask {
  assigneeId: string;
  kind: TaskKind;
  title: string;
  link: string;
  recordId: string;
  idempotencyKey: string;
  dueAt?: Date | null;
}

@Injectable()
export class TasksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates the task unless one with the same key exists; returns whether it was created. */
  async add(task: NewTask, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(StaffTask)
      .values({ ...task, dueAt: task.dueAt ?? null })
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async openFor(userId: string): Promise<StaffTaskView[]> {
    const tasks = await this.dataSource.getRepository(StaffTask).find({ where: { assigneeId: userId, doneAt: IsNull() }, order: { dueAt: 'ASC', createdAt: 'ASC' }, take: 200 });
    return tasks.map(toView);
  }

  async done(id: string, userId: string): Promise<StaffTaskView> {
    const task = await this.dataSource.getRepository(StaffTask).findOneBy({ id, assigneeId: userId });
    if (!task) throw notFound('The task');
    if (!task.doneAt) {
      task.doneAt = new Date();
      await this.dataSource.getRepository(StaffTask).save(task);
    }
    return toView(task);
  }
}

function toView(task: StaffTask): StaffTaskView {
  return {
    id: task.id,
    kind: task.kind,
    title: task.title,
    link: task.link,
    dueAt: task.dueAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    doneAt: task.doneAt?.toISOString() ?? null,
  };
}
