import { InitialSchema1764090000000 } from './1764090000000-initial-schema';
import { SeedDefaultPolicies1764090000001 } from './1764090000001-seed-default-policies';
import { RetentionEngine1764090000002 } from './1764090000002-retention-engine';
import { SeedRetentionDefaults1764090000003 } from './1764090000003-seed-retention-defaults';
import { CullIndexes1764090000004 } from './1764090000004-cull-indexes';
import { JobOutboxKey1764090000005 } from './1764090000005-job-outbox-key';
import { DailyWork1764090000006 } from './1764090000006-daily-work';
import { SubjectRights1764090000007 } from './1764090000007-subject-rights';
import { TicketSearchWithoutNotes1764090000009 } from './1764090000009-ticket-search-without-notes';
import { PersonEmailMatch1764090000010 } from './1764090000010-person-email-match';
import { PersonalDataRegistry1764090000008 } from './1764090000008-personal-data-registry';
import { NoticeRegisters1764090000012 } from './1764090000012-notice-registers';
import { AuditHashChain1764090000013 } from './1764090000013-audit-hash-chain';
import { RetentionTally1764090000014 } from './1764090000014-retention-tally';
import { IdempotentRequests1764090000017 } from './1764090000017-idempotent-requests';
import { PartnerContacts1764090000016 } from './1764090000016-partner-contacts';
import { ApplicantsEveryChannel1764090000015 } from './1764090000015-applicants-every-channel';
import { RecordVersions1764090000018 } from './1764090000018-record-versions';
import { NameSearch1764090000019 } from './1764090000019-name-search';
import { IdempotentAnswersForgotten1764090000020 } from './1764090000020-idempotent-answers-forgotten';
import { SlaBusinessHours1764090000021 } from './1764090000021-sla-business-hours';

/** Every migration, in order. Webpack bundles them, so they are listed rather than globbed. */
export const MIGRATIONS = [InitialSchema1764090000000, SeedDefaultPolicies1764090000001, RetentionEngine1764090000002, SeedRetentionDefaults1764090000003, CullIndexes1764090000004, JobOutboxKey1764090000005, DailyWork1764090000006, SubjectRights1764090000007, PersonalDataRegistry1764090000008, TicketSearchWithoutNotes1764090000009, PersonEmailMatch1764090000010, NoticeRegisters1764090000012, AuditHashChain1764090000013, RetentionTally1764090000014, ApplicantsEveryChannel1764090000015, PartnerContacts1764090000016, IdempotentRequests1764090000017, RecordVersions1764090000018, NameSearch1764090000019, IdempotentAnswersForgotten1764090000020, SlaBusinessHours1764090000021];
