import type { CustomerDetail, PersonView, Privacy } from '@privdesk/domain';
import { customerPeople } from './customer-people';

const privacy: Privacy = { purpose: 'P3', legalBasis: 'contract', retainUntil: null, rule: '', ruleSv: '' };
const person = (id: string, fullName: string): PersonView => ({
  id,
  firstName: fullName.split(' ')[0],
  lastName: fullName.split(' ')[1],
  fullName,
  email: null,
  phone: null,
  street: null,
  postalCode: null,
  city: null,
  personnummerMasked: null,
  privacy,
});

describe('customerPeople', () => {
  it('offers the person customer', () => {
    const customer = { person: person('p1', 'Anna Andersson'), contacts: [] } as unknown as CustomerDetail;
    expect(customerPeople(customer).map((p) => p.name)).toEqual(['Anna Andersson']);
  });

  it("offers a company's current contacts, not those who left", () => {
    const customer = {
      person: null,
      contacts: [
        { id: 'c1', title: 'IT-ansvarig', leftOn: null, person: person('p2', 'Karin Berg') },
        { id: 'c2', title: null, leftOn: '2025-01-31', person: person('p3', 'Olle Ek') },
      ],
    } as unknown as CustomerDetail;
    expect(customerPeople(customer)).toEqual([{ id: 'p2', name: 'Karin Berg', title: 'IT-ansvarig', email: null, phone: null }]);
  });
});
