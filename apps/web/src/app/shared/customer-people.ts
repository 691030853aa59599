import type { CustomerDetail } from '@privdesk/domain';

/** Someone who may speak for a customer: the person customer, or a company's current contact person. */
export interface CustomerPerson {
  id: string;
  name: string;
  /** The contact's title, or '' for the person customer. */
  title: string;
  email: string | null;
  phone: string | null;
}

/** The people to pick as requester or as the one handing a device in; contacts who left are not offered. */
export function customerPeople(customer: CustomerDetail | null): CustomerPerson[] {
  if (!customer) return [];
  const people: CustomerPerson[] = [];
  if (customer.person) {
    const p = customer.person;
    people.push({ id: p.id, name: p.fullName, title: '', email: p.email, phone: p.phone });
  }
  for (const contact of customer.contacts ?? []) {
    if (contact.leftOn) continue;
    const p = contact.person;
    if (people.some((known) => known.id === p.id)) continue;
    people.push({ id: p.id, name: p.fullName, title: contact.title ?? '', email: p.email, phone: p.phone });
  }
  return people;
}
