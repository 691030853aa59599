import type { CustomerType } from '@privdesk/domain';

/** Translation key of a customer type's name. */
export const customerTypeKey = <T extends CustomerType>(type: T) => `customers.type.${type}` as const;
