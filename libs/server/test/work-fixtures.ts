import { TestClient } from './test-app';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${++counter}`;

/** A company customer with one contact person, through the API. */
export async function companyWithContact(client: TestClient, options: { dpaSignedOn?: string; agreementFrom?: string } = {}) {
  const tag = unique();
  const company = await client.post('/api/customers', {
    type: 'organisation',
    organisation: { name: `Verkstad ${tag} AB`, email: `info-${tag}@verkstad.se`, dpaSignedOn: options.dpaSignedOn ?? null },
  });
  if (company.status !== 201) throw new Error(`customer: ${JSON.stringify(company.body)}`);
  const contact = await client.post(`/api/customers/${company.body.id}/contacts`, {
    person: { firstName: 'Kim', lastName: `Kontakt${tag}`, email: `kim-${tag}@verkstad.se`, phone: '070-123 45 67' },
  });
  if (contact.status !== 201) throw new Error(`contact: ${JSON.stringify(contact.body)}`);
  if (options.agreementFrom) {
    const agreement = await client.post(`/api/customers/${company.body.id}/agreements`, { title: 'Serviceavtal', startDate: options.agreementFrom });
    if (agreement.status !== 201) throw new Error(`agreement: ${JSON.stringify(agreement.body)}`);
  }
  return { customerId: company.body.id as string, personId: contact.body.person.id as string, email: contact.body.person.email as string, tag };
}
