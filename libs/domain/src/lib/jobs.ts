/** Queues and the jobs they carry; the worker has exactly one handler per job name. */
export const QUEUES = {
  maintenance: 'maintenance',
  retention: 'retention',
  mail: 'mail',
  reminders: 'reminders',
} as const;

export const MAINTENANCE_JOBS = {
  purgeExpiredSessions: 'purge-expired-sessions',
} as const;

export type MaintenanceJobName = (typeof MAINTENANCE_JOBS)[keyof typeof MAINTENANCE_JOBS];

export interface PurgeExpiredSessionsResult {
  purged: number;
}

export const RETENTION_JOBS = {
  /** Data: `{ taskId }` — a cull run already registered as a task. */
  cull: 'cull',
  /** Scheduled at 02:00 Europe/Stockholm: registers and runs the night's cull. */
  nightly: 'nightly-cull',
  /** Data: `{ taskId }` — recompute deadlines after a policy change. */
  recompute: 'recompute',
  /** Scheduled daily: warns admins a week before a large nightly batch. */
  expiryReminder: 'expiry-reminder',
} as const;

export const MAIL_JOBS = {
  /** Scheduled every minute and after each new mail: sends pending mails. */
  deliver: 'deliver-pending',
} as const;

export interface TaskJobData {
  taskId: string;
  /** Which share of a cull this job is (0 offers the others; see CULL_PARTS). */
  part?: number;
}

export const REMINDER_JOBS = {
  /** Scheduled daily at 00:05 Europe/Stockholm: open quotes past their validity become expired. */
  expireQuotes: 'expire-quotes',
  /** Scheduled daily at 07:00: follow-ups for open quotes whose validity ends soon. */
  quoteFollowUp: 'quote-follow-up',
  /** Scheduled every 10 minutes: tells assignees about tickets nearing their due time. */
  ticketSla: 'ticket-sla',
  /** Scheduled daily at 08:15: tells admins about data-subject requests due within a week. */
  subjectRequestsDue: 'subject-requests-due',
  /** Data: `{ windowId }` — mails an announced service window to the affected customers' contacts. */
  serviceWindow: 'service-window',
} as const;

export interface ServiceWindowJobData {
  windowId: string;
}

/** Every recurring job the worker registers, by queue: what the worker keeps registered and health checks for. */
export const SCHEDULED_JOBS: Record<(typeof QUEUES)[keyof typeof QUEUES], readonly string[]> = {
  maintenance: [MAINTENANCE_JOBS.purgeExpiredSessions],
  retention: [RETENTION_JOBS.nightly, RETENTION_JOBS.expiryReminder],
  mail: [MAIL_JOBS.deliver],
  reminders: [REMINDER_JOBS.expireQuotes, REMINDER_JOBS.quoteFollowUp, REMINDER_JOBS.subjectRequestsDue, REMINDER_JOBS.ticketSla],
};
