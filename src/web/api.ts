import type { z } from 'zod';
import type * as accounts from '../contracts/accounts.ts';
import type * as common from '../contracts/common.ts';
import type * as registry from '../contracts/registry.ts';
import type { GrantableRole } from '../core/identity/roles.ts';

// The typed client over src/contracts: types only (no zod in the bundle). Request bodies use the
// contracts' input types, responses their output types.
export type Me = z.infer<typeof accounts.me>;
export type PublicConfig = z.infer<typeof accounts.publicConfig>;
export type Court = z.infer<typeof accounts.court>;
export type RegisterBody = z.input<typeof accounts.registerRequest>;
export type LoginBody = z.input<typeof accounts.loginRequest>;
export type UpdateProfileBody = z.input<typeof accounts.updateProfile>;
export type ChangePasswordBody = z.input<typeof accounts.changePassword>;
export type PasswordResetConfirmBody = z.input<typeof accounts.passwordResetConfirm>;
export type InvitationBody = z.input<typeof accounts.invitationRequest>;
export type InvitationView = z.infer<typeof accounts.invitationView>;
export type UserList = z.infer<typeof accounts.userList>;
export type UserSummary = z.infer<typeof accounts.userSummary>;
export type UserListQuery = z.input<typeof accounts.userListQuery>;
export type NotificationList = z.infer<typeof accounts.notificationList>;
export type Notification = z.infer<typeof accounts.notification>;
export type MarkReadBody = z.input<typeof accounts.markRead>;
export type OutboxList = z.infer<typeof accounts.outboxList>;
export type OutboxEntry = z.infer<typeof accounts.outboxEntry>;
export type Problem = z.infer<typeof common.problem>;

export type MediatorPublic = z.infer<typeof registry.mediatorPublic>;
export type MediatorProfile = z.infer<typeof registry.mediatorProfile>;
export type MediatorRecord = z.infer<typeof registry.mediatorRecordView>;
export type MediatorSearchResult = z.infer<typeof registry.mediatorSearchResult>;
export type Fee = z.infer<typeof registry.feeView>;
export type LocalizedText = z.infer<typeof registry.localizedText>;
export type MatchSuggestion = z.infer<typeof registry.matchSuggestion>;
export type MatchResult = z.infer<typeof registry.matchResult>;
export type OrganisationList = z.infer<typeof registry.organisationList>;
export type OrganisationSummary = z.infer<typeof registry.organisationSummary>;
export type OrganisationPage = z.infer<typeof registry.organisationPage>;
export type RegistryEntry = z.infer<typeof registry.registryEntry>;
export type RegistryStatus = z.infer<typeof registry.registryStatus>;
export type MyApplication = z.infer<typeof registry.myApplication>;
export type ApplicationBody = z.input<typeof registry.mediatorApplication>;
export type UploadedDocument = z.infer<typeof registry.uploadedDocument>;
export type DocumentKind = z.infer<typeof registry.documentKind>;
export type QueueStatus = z.infer<typeof registry.queueQuery>['status'];
export type VerificationQueue = z.infer<typeof registry.verificationQueue>;
export type DecisionBody = z.input<typeof registry.registryDecision>;
export type DecisionResult = z.infer<typeof registry.decisionResult>;
export type OrganisationBody = z.input<typeof registry.organisationInput>;
export type ComplaintQueue = z.infer<typeof registry.complaintQueue>;
export type ComplaintDecisionBody = z.input<typeof registry.complaintDecision>;
export type SearchParams = {
  q?: string;
  category?: string;
  language?: string;
  region?: string;
  remote?: 'true';
  free?: 'true' | 'false';
  offset?: number;
  limit?: number;
};
export type MatchParams = {
  category: string;
  language: string;
  region: string;
  remote: boolean;
  wantsPublic: boolean;
};
type Created = z.infer<typeof registry.created>;
type Ok = z.infer<typeof common.ok>;

/** A problem+json answer from the API (or a stand-in when the answer was not one). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.code ?? `http_${status}`);
  }

  get code() {
    return this.problem?.code ?? null;
  }
}

/** The request never reached the server or its answer never came back (weak connection). */
export class NetworkError extends Error {}

type Options = {
  /** false when a 401 means "wrong password" or "logged out", not "session lost". */
  authRedirect?: boolean;
  signal?: AbortSignal;
  /** Extra request headers, e.g. an idempotency key. */
  headers?: Record<string, string>;
};

let onUnauthenticated: (() => void) | null = null;
/** The app decides where a lost session leads (the login page, with next=). */
export const setUnauthenticatedHandler = (handler: (() => void) | null) => {
  onUnauthenticated = handler;
};

let languageHeader = 'kk';
/** Logged-out requests carry the interface language, so server messages match what is on screen. */
export const setRequestLanguage = (locale: string) => {
  languageHeader = locale;
};

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && 'code' in value && 'detail' in value && 'status' in value;

const parseBody = (text: string): unknown => {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

export const request = async <T>(
  method: string,
  path: string,
  body?: unknown,
  options: Options = {},
): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        'accept-language': languageHeader,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(String(error));
  }
  const data = parseBody(await response.text());
  if (!response.ok) {
    if (response.status === 401 && options.authRedirect !== false) onUnauthenticated?.();
    throw new ApiError(response.status, isProblem(data) ? data : null);
  }
  return data as T;
};

/**
 * Uploads one registry document with XMLHttpRequest, which (unlike fetch) reports upload progress:
 * on a weak connection a 5 MB scan takes a while, and a moving bar says it is not stuck.
 */
export const uploadDocument = (
  kind: DocumentKind,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
) =>
  new Promise<UploadedDocument>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/registry/documents');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('accept-language', languageHeader);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const data = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as UploadedDocument);
      if (xhr.status === 401) onUnauthenticated?.();
      reject(new ApiError(xhr.status, isProblem(data) ? data : null));
    };
    xhr.onerror = () => reject(new NetworkError('upload failed'));
    xhr.ontimeout = () => reject(new NetworkError('upload timed out'));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    // The server reads `kind` before the file: the field goes first.
    const body = new FormData();
    body.append('kind', kind);
    body.append('file', file, file.name);
    xhr.send(body);
  });

const get = <T>(path: string, options?: Options) => request<T>('GET', path, undefined, options);
const post = <T>(path: string, body: unknown, options?: Options) => request<T>('POST', path, body, options);

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const api = {
  config: () => get<PublicConfig>('/api/config'),

  /** The logged-in account, or null when nobody is logged in (a 401 here is not an error). */
  me: async (): Promise<Me | null> => {
    try {
      return await get<Me>('/api/me', { authRedirect: false });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  updateMe: (body: UpdateProfileBody) => request<Me>('PATCH', '/api/me', body),
  changePassword: (body: ChangePasswordBody) => post<Ok>('/api/me/password', body),

  login: (body: LoginBody) => post<Me>('/api/auth/login', body, { authRedirect: false }),
  register: (body: RegisterBody) => post<Me>('/api/auth/register', body, { authRedirect: false }),
  logout: () => post<Ok>('/api/auth/logout', undefined, { authRedirect: false }),
  requestPasswordReset: (email: string) =>
    post<Ok>('/api/auth/password-reset', { email }, { authRedirect: false }),
  checkResetLink: (token: string) =>
    get<{ expiresAt: string }>(`/api/auth/password-reset${query({ token })}`, { authRedirect: false }),
  confirmPasswordReset: (body: PasswordResetConfirmBody) =>
    post<Ok>('/api/auth/password-reset/confirm', body, { authRedirect: false }),

  notifications: () => get<NotificationList>('/api/notifications'),
  markRead: (body: MarkReadBody) => post<Ok>('/api/notifications/read', body),

  invitation: (token: string) =>
    get<InvitationView>(`/api/invitations${query({ token })}`, { authRedirect: false }),
  acceptInvitation: (token: string) => post<{ role: GrantableRole }>('/api/invitations/accept', { token }),

  courts: () => get<{ courts: Court[] }>('/api/courts'),
  users: (params: UserListQuery) =>
    get<UserList>(
      `/api/admin/users${query({ q: params.q, offset: params.offset as number, limit: params.limit as number })}`,
    ),
  revokeRole: (userId: string, role: GrantableRole) =>
    request<Ok>('DELETE', `/api/admin/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(role)}`),
  invite: (body: InvitationBody) => post<Ok>('/api/admin/invitations', body),
  outbox: () => get<OutboxList>('/api/admin/outbox'),
  outboxEntry: (id: string) => get<OutboxEntry>(`/api/admin/outbox/${encodeURIComponent(id)}`),

  registry: {
    search: (params: SearchParams) => get<MediatorSearchResult>(`/api/registry/mediators${query(params)}`),
    mediator: (id: string) => get<MediatorProfile>(`/api/registry/mediators/${encodeURIComponent(id)}`),
    match: (params: MatchParams) =>
      get<MatchResult>(
        `/api/registry/match${query({ ...params, remote: String(params.remote), wantsPublic: String(params.wantsPublic) })}`,
      ),
    organisations: () => get<OrganisationList>('/api/registry/organisations'),
    organisation: (id: string) =>
      get<OrganisationPage>(`/api/registry/organisations/${encodeURIComponent(id)}`),
    myApplication: () => get<MyApplication>('/api/registry/my-application'),
    apply: (body: ApplicationBody) => post<Created>('/api/registry/applications', body),
    complain: (mediatorId: string, text: string) =>
      post<Created>(`/api/registry/mediators/${encodeURIComponent(mediatorId)}/complaints`, { text }),
    queue: (status: QueueStatus) => get<VerificationQueue>(`/api/registry/queue${query({ status })}`),
    entry: (id: string) => get<RegistryEntry>(`/api/registry/entries/${encodeURIComponent(id)}`),
    decide: (id: string, body: DecisionBody) =>
      post<DecisionResult>(`/api/registry/entries/${encodeURIComponent(id)}/decision`, body),
    createOrganisation: (body: OrganisationBody) => post<Created>('/api/registry/organisations', body),
    complaints: () => get<ComplaintQueue>('/api/registry/complaints'),
    decideComplaint: (id: string, body: ComplaintDecisionBody) =>
      post<{ status: string }>(`/api/registry/complaints/${encodeURIComponent(id)}/decision`, body),
  },
};

/** Where a browser can open an uploaded document (its owner and registry administrators only). */
export const documentUrl = (id: string) => `/api/registry/documents/${encodeURIComponent(id)}`;

/** Query keys in one place so that invalidation matches what pages read. */
export const keys = {
  me: ['me'] as const,
  config: ['config'] as const,
  notifications: ['notifications'] as const,
  courts: (locale: string) => ['courts', locale] as const,
  users: (q: string, offset: number) => ['admin', 'users', q, offset] as const,
  outbox: ['admin', 'outbox'] as const,
  outboxEntry: (id: string) => ['admin', 'outbox', id] as const,
  invitation: (token: string) => ['invitation', token] as const,
  resetLink: (token: string) => ['reset-link', token] as const,
  registry: {
    // Public answers carry names in the reader's language: the language is part of the key.
    search: (locale: string, params: SearchParams) => ['registry', 'search', locale, params] as const,
    mediator: (locale: string, id: string) => ['registry', 'mediator', locale, id] as const,
    match: (locale: string, params: MatchParams) => ['registry', 'match', locale, params] as const,
    organisations: (locale: string) => ['registry', 'organisations', locale] as const,
    organisation: (locale: string, id: string) => ['registry', 'organisation', locale, id] as const,
    myApplication: ['registry', 'my-application'] as const,
    queue: (status: string) => ['registry', 'admin', 'queue', status] as const,
    entry: (id: string) => ['registry', 'admin', 'entry', id] as const,
    complaints: ['registry', 'admin', 'complaints'] as const,
  },
};
