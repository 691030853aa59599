import type { CustomerType } from '@privdesk/domain';

/** Translation key of a customer type's name. */
export const customerTypeKey = (type: CustomerType): `customers.type.${CustomerType}` => `customers.type.${type}`;
