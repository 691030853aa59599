import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthService } from '../auth/auth.service';
import { StaffSession } from '../auth/staff-session.entity';
import { StaffUser } from '../auth/staff-user.entity';
import { AppConfig } from '../core/config';
import { CoreModule } from '../core/core.module';
import { DatabaseModule } from '../database/database.module';
import { MaintenanceProcessor } from '../maintenance/maintenance.processor';
import { MaintenanceScheduler } from '../maintenance/maintenance.scheduler';
import { MailProcessor } from '../outbox/mail.processor';
import { OutboxModule } from '../outbox/outbox.module';
import { QueueModule } from '../queue/queue.module';
import { RetentionProcessor } from '../retention/retention.processor';
import { RetentionModule } from '../retention/retention.module';
import { RetentionScheduler } from '../retention/retention.scheduler';
import { RemindersModule } from '../reminders/reminders.module';
import { RemindersProcessor } from '../reminders/reminders.processor';
import { RemindersScheduler } from '../reminders/reminders.scheduler';
import { ScheduleReconciler } from '../queue/schedule-reconciler';

/** The worker's composition root: queue processors and schedulers, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        DatabaseModule,
        QueueModule.forRoot(config),
        AuditModule,
        OutboxModule,
        RetentionModule,
        RemindersModule,
        TypeOrmModule.forFeature([StaffUser, StaffSession]),
      ],
      providers: [AuthService, MaintenanceProcessor, MaintenanceScheduler, RetentionProcessor, RetentionScheduler, MailProcessor, RemindersProcessor, RemindersScheduler, ScheduleReconciler],
    };
  }
}
