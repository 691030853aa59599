import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CertificateCheck,
  CertificateDocument,
  CertificateView,
  CreateHoldRequest,
  CullPreview,
  ExtendReviewRequest,
  HoldView,
  IsoDate,
  RetentionReport,
  ReviewStatus,
  ReviewView,
  TaskView,
} from '@privdesk/domain';
import { Observable } from 'rxjs';
import { toParams } from './http-params';

const BASE = '/api/retention';
const id = (value: string) => encodeURIComponent(value);

/** Plain links for the browser to download (the session cookie goes along; no XSRF needed for GET). */
export const RETENTION_DOWNLOADS = {
  reportCsv: `${BASE}/report.csv`,
  reportPdf: `${BASE}/report.pdf`,
  certificatePdf: (certificateId: string) => `${BASE}/certificates/${id(certificateId)}/pdf`,
  certificateJson: (certificateId: string) => `${BASE}/certificates/${id(certificateId)}/json`,
} as const;

/** The retention engine (admin only): report, cull preview and runs, certificates, holds, reviews. */
@Injectable({ providedIn: 'root' })
export class RetentionApi {
  private readonly http = inject(HttpClient);

  report(): Observable<RetentionReport> {
    return this.http.get<RetentionReport>(`${BASE}/report`);
  }

  /** What a cull as of `asOf` would do; nothing is changed. */
  preview(asOf: IsoDate): Observable<CullPreview> {
    return this.http.get<CullPreview>(`${BASE}/preview`, { params: toParams({ asOf }) });
  }

  /** Queues a cull (as of today unless given); the task reports its progress. */
  runCull(asOf?: IsoDate | null): Observable<TaskView> {
    return this.http.post<TaskView>(`${BASE}/runs`, asOf ? { asOf } : {});
  }

  /** Culls and recomputations, newest first. */
  tasks(): Observable<TaskView[]> {
    return this.http.get<TaskView[]>(`${BASE}/tasks`);
  }

  task(taskId: string): Observable<TaskView> {
    return this.http.get<TaskView>(`${BASE}/tasks/${id(taskId)}`);
  }

  certificates(): Observable<CertificateView[]> {
    return this.http.get<CertificateView[]>(`${BASE}/certificates`);
  }

  certificate(certificateId: string): Observable<CertificateDocument> {
    return this.http.get<CertificateDocument>(`${BASE}/certificates/${id(certificateId)}`);
  }

  /** "Was record X culled, and when?" */
  check(recordType: string, recordId: string): Observable<CertificateCheck> {
    return this.http.get<CertificateCheck>(`${BASE}/certificates/check`, { params: toParams({ recordType, id: recordId }) });
  }

  /** The active holds. */
  holds(): Observable<HoldView[]> {
    return this.http.get<HoldView[]>(`${BASE}/holds`);
  }

  createHold(request: CreateHoldRequest): Observable<HoldView> {
    return this.http.post<HoldView>(`${BASE}/holds`, request);
  }

  releaseHold(holdId: string): Observable<HoldView> {
    return this.http.post<HoldView>(`${BASE}/holds/${id(holdId)}/release`, {});
  }

  reviews(status: ReviewStatus = 'pending'): Observable<ReviewView[]> {
    return this.http.get<ReviewView[]>(`${BASE}/reviews`, { params: toParams({ status }) });
  }

  approveReview(reviewId: string): Observable<ReviewView> {
    return this.http.post<ReviewView>(`${BASE}/reviews/${id(reviewId)}/approve`, {});
  }

  extendReview(reviewId: string, request: ExtendReviewRequest): Observable<ReviewView> {
    return this.http.post<ReviewView>(`${BASE}/reviews/${id(reviewId)}/extend`, request);
  }
}
