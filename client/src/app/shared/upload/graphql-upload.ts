import { HttpClient, HttpErrorResponse, HttpEventType, HttpHeaders, HttpXhrBackend } from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { type DocumentNode, type GraphQLFormattedError, getOperationAST, print } from 'graphql';
import { Observable, catchError, filter, map, throwError } from 'rxjs';
import { GRAPHQL_URI } from '../../core/apollo/apollo.providers';

/** A file and where it goes in the variables, as a dotted path ("input.attachments.0"). */
export interface UploadFile {
  path: string;
  file: File;
}

/** What an upload reports: progress of the request body, then the operation's data. */
export type UploadEvent<TData> =
  | { type: 'progress'; loaded: number; total: number; percent: number }
  | { type: 'done'; data: TData };

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    node = node[key] as Record<string, unknown>;
    if (node === null || typeof node !== 'object') {
      throw new Error(`No object at "${path}" in the variables`);
    }
  }
  node[keys[keys.length - 1]] = value;
}

/**
 * The body of a GraphQL multipart request
 * (https://github.com/jaydenseric/graphql-multipart-request-spec): `operations` (the operation
 * with `null` where each file goes), `map` (file field → its path), then the files in that
 * order. The variables passed in are not modified.
 */
export function buildMultipartBody(document: DocumentNode, variables: Record<string, unknown>, files: readonly UploadFile[]): FormData {
  const withNulls = structuredClone(variables) as Record<string, unknown>;
  const fileMap: Record<string, string[]> = {};
  files.forEach(({ path }, i) => {
    setPath(withNulls, path, null);
    fileMap[String(i)] = [`variables.${path}`];
  });
  const operations = {
    query: print(document),
    operationName: getOperationAST(document)?.name?.value ?? null,
    variables: withNulls,
  };
  const body = new FormData();
  body.append('operations', JSON.stringify(operations));
  body.append('map', JSON.stringify(fileMap));
  files.forEach(({ file }, i) => body.append(String(i), file, file.name));
  return body;
}

/**
 * The HttpClient uploads go through: XHR, because the app's fetch backend reports no upload
 * progress. Tests replace it with the testing backend's client.
 */
export const UPLOAD_HTTP = new InjectionToken<HttpClient>('UPLOAD_HTTP', {
  providedIn: 'root',
  factory: () => new HttpClient(inject(HttpXhrBackend)),
});

interface GraphQLBody<TData> {
  data?: TData | null;
  errors?: GraphQLFormattedError[];
}

/** Turns a failed upload into what Apollo would throw, so `toApiError` reads it the same way. */
function toApolloError(error: unknown): unknown {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as GraphQLBody<unknown> | string | null;
    const parsed = typeof body === 'string' ? safeParse(body) : body;
    if (parsed && Array.isArray(parsed.errors) && parsed.errors.length > 0) {
      return new CombinedGraphQLErrors({ data: null, errors: parsed.errors });
    }
    if (error.status === 0) {
      return new TypeError('Network request failed');
    }
    const bodyText = typeof body === 'string' ? body : JSON.stringify(body ?? '');
    return new ServerError(error.message, { response: new Response(bodyText, { status: error.status }), bodyText });
  }
  return error;
}

function safeParse(text: string): GraphQLBody<unknown> | null {
  try {
    return JSON.parse(text) as GraphQLBody<unknown>;
  } catch {
    return null;
  }
}

/**
 * Sends one GraphQL operation with files as a multipart request, reporting upload progress.
 * Same origin, so the session cookie authorises it; `Apollo-Require-Preflight` gets it past
 * Apollo Server's CSRF prevention. GraphQL errors are thrown as `CombinedGraphQLErrors`.
 * It bypasses Apollo's cache: callers refetch what the operation changed.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlUpload {
  private readonly http = inject(UPLOAD_HTTP);

  mutate<TData, TVariables extends Record<string, unknown>>(
    document: DocumentNode,
    variables: TVariables,
    files: readonly UploadFile[],
  ): Observable<UploadEvent<TData>> {
    const body = buildMultipartBody(document, variables, files);
    return this.http
      .post<GraphQLBody<TData>>(GRAPHQL_URI, body, {
        headers: new HttpHeaders({ 'Apollo-Require-Preflight': 'true' }),
        reportProgress: true,
        observe: 'events',
        withCredentials: true,
      })
      .pipe(
        catchError((error: unknown) => throwError(() => toApolloError(error))),
        filter((event) => event.type === HttpEventType.UploadProgress || event.type === HttpEventType.Response),
        map((event): UploadEvent<TData> => {
          if (event.type === HttpEventType.UploadProgress) {
            const total = event.total ?? 0;
            const percent = total > 0 ? Math.min(100, Math.round((event.loaded / total) * 100)) : 0;
            return { type: 'progress', loaded: event.loaded, total, percent };
          }
          if (event.type !== HttpEventType.Response) {
            throw new Error('unreachable');
          }
          const result = event.body;
          if (result?.errors?.length) {
            throw new CombinedGraphQLErrors({ data: result.data ?? null, errors: result.errors });
          }
          if (!result?.data) {
            throw new CombinedGraphQLErrors({ data: null, errors: [{ message: 'No data', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
          }
          return { type: 'done', data: result.data };
        }),
      );
  }
}
