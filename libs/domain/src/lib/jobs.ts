/** Queues and the jobs they carry; the worker has exactly one handler per job name. */
export const QUEUES = {
  maintenance: 'maintenance',
} as const;

export const MAINTENANCE_JOBS = {
  purgeExpiredSessions: 'purge-expired-sessions',
} as const;

export type MaintenanceJobName = (typeof MAINTENANCE_JOBS)[keyof typeof MAINTENANCE_JOBS];

export interface PurgeExpiredSessionsResult {
  purged: number;
}
