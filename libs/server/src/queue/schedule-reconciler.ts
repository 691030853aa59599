import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { MaintenanceScheduler } from '../maintenance/maintenance.scheduler';
import { RemindersScheduler } from '../reminders/reminders.scheduler';
import { RetentionScheduler } from '../retention/retention.scheduler';
import { missingSchedules } from './schedules';

const CHECK_INTERVAL_MS = 15_000;

/**
 * Keeps the recurring jobs registered while the worker runs: a Redis that lost its data (a flush,
 * a restart without persistence) gets every schedule back within a check, not at the next deploy.
 */
@Injectable()
export class ScheduleReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduleReconciler.name);
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly maintenance: MaintenanceScheduler,
    private readonly retention: RetentionScheduler,
    private readonly reminders: RemindersScheduler,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.reconcile(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Re-registers every schedule when any is missing; returns what was missing. */
  async reconcile(): Promise<string[]> {
    if (this.checking) return [];
    this.checking = true;
    try {
      const missing = await missingSchedules((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
      if (missing.length) {
        this.logger.warn(`Schedules missing from the queue, registering them again: ${missing.join(', ')}`);
        await this.maintenance.register();
        await this.retention.register();
        await this.reminders.register();
      }
      return missing;
    } catch (error) {
      this.logger.warn(`Checking the schedules failed: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    } finally {
      this.checking = false;
    }
  }
}
