import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AnswerSubjectRequest,
  ApplicantView,
  ControllerIdentity,
  ConvertInquiry,
  CookieInput,
  CookieView,
  CreateInquiry,
  CreateMarketingContact,
  CreateSubjectRequest,
  InquiryStatus,
  InquiryView,
  MarketingContactView,
  MarketingSendRequest,
  MarketingSendResult,
  Page,
  PrivacyNotice,
  RecipientInput,
  RecipientView,
  SubjectRequestQuery,
  SubjectRequestView,
  UpdateSubjectRequest,
} from '@privdesk/domain';
import { Observable } from 'rxjs';
import { toParams } from './http-params';

const id = (value: string) => encodeURIComponent(value);

export interface ListQuery {
  q?: string;
  page?: number;
  pageSize?: number;
}

/** The register of data-subject requests (admin only). */
@Injectable({ providedIn: 'root' })
export class SubjectRequestsApi {
  private readonly http = inject(HttpClient);

  /** Open first, the most urgent deadline first. */
  list(query: SubjectRequestQuery): Observable<Page<SubjectRequestView>> {
    return this.http.get<Page<SubjectRequestView>>('/api/subject-requests', { params: toParams(query) });
  }

  get(requestId: string): Observable<SubjectRequestView> {
    return this.http.get<SubjectRequestView>(`/api/subject-requests/${id(requestId)}`);
  }

  create(request: CreateSubjectRequest): Observable<SubjectRequestView> {
    return this.http.post<SubjectRequestView>('/api/subject-requests', request);
  }

  update(requestId: string, request: UpdateSubjectRequest): Observable<SubjectRequestView> {
    return this.http.patch<SubjectRequestView>(`/api/subject-requests/${id(requestId)}`, request);
  }

  /** Once per request: the deadline moves two months on; the reason is told to the person. */
  extend(requestId: string, reason: string): Observable<SubjectRequestView> {
    return this.http.post<SubjectRequestView>(`/api/subject-requests/${id(requestId)}/extend`, { reason });
  }

  /** Needs `identityChecked` (else 400 with `fields.identityChecked`). */
  answer(requestId: string, request: AnswerSubjectRequest): Observable<SubjectRequestView> {
    return this.http.post<SubjectRequestView>(`/api/subject-requests/${id(requestId)}/answer`, request);
  }
}

/** Marketing contacts and lawful mailings (admin and sales). */
@Injectable({ providedIn: 'root' })
export class MarketingApi {
  private readonly http = inject(HttpClient);

  list(query: ListQuery): Observable<Page<MarketingContactView>> {
    return this.http.get<Page<MarketingContactView>>('/api/marketing/contacts', { params: toParams(query) });
  }

  /** 409 when the person objected to marketing earlier. */
  create(request: CreateMarketingContact): Observable<MarketingContactView> {
    return this.http.post<MarketingContactView>('/api/marketing/contacts', request);
  }

  remove(contactId: string): Observable<void> {
    return this.http.delete<void>(`/api/marketing/contacts/${id(contactId)}`);
  }

  send(request: MarketingSendRequest): Observable<MarketingSendResult> {
    return this.http.post<MarketingSendResult>('/api/marketing/sends', request);
  }
}

/** A document an applicant attached: a plain link, the session cookie goes along. */
export function applicantDocumentUrl(applicantId: string, documentId: string): string {
  return `/api/applicants/${id(applicantId)}/documents/${id(documentId)}`;
}

/** Job and internship applications (admin only). */
@Injectable({ providedIn: 'root' })
export class ApplicantsApi {
  private readonly http = inject(HttpClient);

  list(query: ListQuery): Observable<Page<ApplicantView>> {
    return this.http.get<Page<ApplicantView>>('/api/applicants', { params: toParams(query) });
  }

  get(applicantId: string): Observable<ApplicantView> {
    return this.http.get<ApplicantView>(`/api/applicants/${id(applicantId)}`);
  }

  /** An application that came by e-mail, on paper or through a recruiter, with its scanned documents. */
  register(form: FormData): Observable<ApplicantView> {
    return this.http.post<ApplicantView>('/api/applicants', form);
  }

  /** Deletes the application and its documents now. */
  withdrawConsent(applicantId: string): Observable<void> {
    return this.http.post<void>(`/api/applicants/${id(applicantId)}/withdraw-consent`, {});
  }
}

/** Questions from the public contact form (any staff). */
@Injectable({ providedIn: 'root' })
export class InquiriesApi {
  private readonly http = inject(HttpClient);

  list(query: ListQuery & { status?: InquiryStatus }): Observable<Page<InquiryView>> {
    return this.http.get<Page<InquiryView>>('/api/inquiries', { params: toParams(query) });
  }

  get(inquiryId: string): Observable<InquiryView> {
    return this.http.get<InquiryView>(`/api/inquiries/${id(inquiryId)}`);
  }

  convert(inquiryId: string, request: ConvertInquiry): Observable<InquiryView> {
    return this.http.post<InquiryView>(`/api/inquiries/${id(inquiryId)}/convert`, request);
  }
}

export const RECORD_OF_PROCESSING_PDF = '/api/privacy/record-of-processing.pdf';
export const RECORD_OF_PROCESSING_CSV = '/api/privacy/record-of-processing.csv';

/** The controller's identity and the registers the notice is printed from (admin only). */
@Injectable({ providedIn: 'root' })
export class TransparencyApi {
  private readonly http = inject(HttpClient);

  identity(): Observable<ControllerIdentity> {
    return this.http.get<ControllerIdentity>('/api/settings/controller');
  }

  saveIdentity(identity: ControllerIdentity): Observable<ControllerIdentity> {
    return this.http.put<ControllerIdentity>('/api/settings/controller', identity);
  }

  recipients(): Observable<RecipientView[]> {
    return this.http.get<RecipientView[]>('/api/recipients');
  }

  saveRecipient(recipientId: string | null, input: RecipientInput): Observable<RecipientView> {
    return recipientId
      ? this.http.put<RecipientView>(`/api/recipients/${id(recipientId)}`, input)
      : this.http.post<RecipientView>('/api/recipients', input);
  }

  deleteRecipient(recipientId: string): Observable<void> {
    return this.http.delete<void>(`/api/recipients/${id(recipientId)}`);
  }

  cookies(): Observable<CookieView[]> {
    return this.http.get<CookieView[]>('/api/cookies');
  }

  saveCookie(cookieId: string | null, input: CookieInput): Observable<CookieView> {
    return cookieId ? this.http.put<CookieView>(`/api/cookies/${id(cookieId)}`, input) : this.http.post<CookieView>('/api/cookies', input);
  }

  deleteCookie(cookieId: string): Observable<void> {
    return this.http.delete<void>(`/api/cookies/${id(cookieId)}`);
  }
}

/** What visitors reach without signing in: the notice, the contact form, applications. */
@Injectable({ providedIn: 'root' })
export class PublicApi {
  private readonly http = inject(HttpClient);

  notice(): Observable<PrivacyNotice> {
    return this.http.get<PrivacyNotice>('/api/public/privacy-notice');
  }

  /** 202; 429 when the address sent too many. */
  sendInquiry(request: CreateInquiry): Observable<unknown> {
    return this.http.post('/api/public/inquiries', request);
  }

  /** Multipart: the fields and the files under `documents`. */
  apply(form: FormData): Observable<unknown> {
    return this.http.post('/api/public/applications', form);
  }
}
