import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AgreementInput,
  AgreementView,
  ContactView,
  CreateContactRequest,
  CreateCustomerRequest,
  CustomerDetail,
  CustomerListItem,
  CustomerQuery,
  Page,
  PersonnummerView,
  UpdateAgreementRequest,
  UpdateContactRequest,
  UpdateCustomerRequest,
} from '@privdesk/domain';
import { Observable } from 'rxjs';
import { toParams } from './http-params';

@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly http = inject(HttpClient);

  list(query: CustomerQuery): Observable<Page<CustomerListItem>> {
    return this.http.get<Page<CustomerListItem>>('/api/customers', { params: toParams(query) });
  }

  get(id: string): Observable<CustomerDetail> {
    return this.http.get<CustomerDetail>(`/api/customers/${encodeURIComponent(id)}`);
  }

  create(request: CreateCustomerRequest): Observable<CustomerDetail> {
    return this.http.post<CustomerDetail>('/api/customers', request);
  }

  update(id: string, request: UpdateCustomerRequest): Observable<CustomerDetail> {
    return this.http.patch<CustomerDetail>(`/api/customers/${encodeURIComponent(id)}`, request);
  }

  addContact(customerId: string, request: CreateContactRequest): Observable<ContactView> {
    return this.http.post<ContactView>(`/api/customers/${encodeURIComponent(customerId)}/contacts`, request);
  }

  updateContact(customerId: string, contactId: string, request: UpdateContactRequest): Observable<ContactView> {
    return this.http.patch<ContactView>(
      `/api/customers/${encodeURIComponent(customerId)}/contacts/${encodeURIComponent(contactId)}`,
      request,
    );
  }

  addAgreement(customerId: string, request: AgreementInput): Observable<AgreementView> {
    return this.http.post<AgreementView>(`/api/customers/${encodeURIComponent(customerId)}/agreements`, request);
  }

  updateAgreement(customerId: string, agreementId: string, request: UpdateAgreementRequest): Observable<AgreementView> {
    return this.http.patch<AgreementView>(
      `/api/customers/${encodeURIComponent(customerId)}/agreements/${encodeURIComponent(agreementId)}`,
      request,
    );
  }

  /** The full number; every call is audited by the server (admin and sales only). */
  personnummer(personId: string): Observable<PersonnummerView> {
    return this.http.get<PersonnummerView>(`/api/people/${encodeURIComponent(personId)}/personnummer`);
  }
}
