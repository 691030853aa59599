import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreatePartnerContact, Page, PartnerContactPolicyView, PartnerContactView, PartnerKind, UpdatePartnerContact } from '@privdesk/domain';
import { Observable } from 'rxjs';
import { toParams } from '../../core/api/http-params';

const id = (value: string) => encodeURIComponent(value);

/** Contact persons at suppliers and partners (admin and sales). */
@Injectable({ providedIn: 'root' })
export class PartnersApi {
  private readonly http = inject(HttpClient);

  list(query: { q?: string; kind?: PartnerKind; page?: number; pageSize?: number }): Observable<Page<PartnerContactView>> {
    return this.http.get<Page<PartnerContactView>>('/api/partner-contacts', { params: toParams(query) });
  }

  /** Why and how long the list is kept, as the policy table says. */
  policy(): Observable<PartnerContactPolicyView> {
    return this.http.get<PartnerContactPolicyView>('/api/partner-contacts/policy');
  }

  get(contactId: string): Observable<PartnerContactView> {
    return this.http.get<PartnerContactView>(`/api/partner-contacts/${id(contactId)}`);
  }

  /** 409 `person_exists` when the e-mail address belongs to a registered person. */
  create(request: CreatePartnerContact): Observable<PartnerContactView> {
    return this.http.post<PartnerContactView>('/api/partner-contacts', request);
  }

  update(contactId: string, request: UpdatePartnerContact): Observable<PartnerContactView> {
    return this.http.patch<PartnerContactView>(`/api/partner-contacts/${id(contactId)}`, request);
  }

  remove(contactId: string): Observable<void> {
    return this.http.delete<void>(`/api/partner-contacts/${id(contactId)}`);
  }
}

export const kindKey = (kind: PartnerKind): `partners.kind.${PartnerKind}` => `partners.kind.${kind}`;
