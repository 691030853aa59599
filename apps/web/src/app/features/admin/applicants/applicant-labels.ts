import type { ApplicationSource, DocumentSensitivity } from '@privdesk/domain';

export const applicationSourceKey = (source: ApplicationSource): `applicationSource.${ApplicationSource}` => `applicationSource.${source}`;
export const sensitivityKey = (sensitivity: DocumentSensitivity): `sensitivity.${DocumentSensitivity}` => `sensitivity.${sensitivity}`;
