import { HttpClient, HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { toApiError } from '../../core/errors/api-error';
import { SendMessageDocument, type SendMessageMutation } from '../../graphql/generated';
import { GraphqlUpload, UPLOAD_HTTP, type UploadEvent, buildMultipartBody } from './graphql-upload';

const A = new File(['eerste'], 'paspoort.pdf', { type: 'application/pdf' });
const B = new File(['tweede'], 'foto.jpg', { type: 'image/jpeg' });

function variables() {
  return { input: { dossierId: 'd1', subject: 'Re: Akte', body: 'Hierbij', inReplyToId: 'm1', attachments: [null, null] } };
}

describe('buildMultipartBody', () => {
  it('follows the multipart request spec: operations with nulls, the map, then the files in order', async () => {
    const vars = variables();
    const body = buildMultipartBody(SendMessageDocument, vars, [
      { path: 'input.attachments.0', file: A },
      { path: 'input.attachments.1', file: B },
    ]);

    expect([...body.keys()]).toEqual(['operations', 'map', '0', '1']);
    const operations = JSON.parse(body.get('operations') as string);
    expect(operations.operationName).toBe('SendMessage');
    expect(operations.query).toContain('mutation SendMessage($input: SendMessageInput!)');
    expect(operations.query).toContain('fragment DocumentFields on Document');
    expect(operations.variables).toEqual(variables());
    expect(JSON.parse(body.get('map') as string)).toEqual({
      0: ['variables.input.attachments.0'],
      1: ['variables.input.attachments.1'],
    });
    const first = body.get('0') as File;
    expect(first.name).toBe('paspoort.pdf');
    expect(await first.text()).toBe('eerste');
    expect((body.get('1') as File).name).toBe('foto.jpg');
  });

  it('puts null where a file goes even when the caller left something else there, without changing its variables', () => {
    const vars = { input: { attachments: ['placeholder'] } };
    const body = buildMultipartBody(SendMessageDocument, vars, [{ path: 'input.attachments.0', file: A }]);
    expect(JSON.parse(body.get('operations') as string).variables).toEqual({ input: { attachments: [null] } });
    expect(vars.input.attachments).toEqual(['placeholder']);
  });

  it('has an empty map without files', () => {
    const body = buildMultipartBody(SendMessageDocument, variables(), []);
    expect(JSON.parse(body.get('map') as string)).toEqual({});
    expect([...body.keys()]).toEqual(['operations', 'map']);
  });
});

describe('GraphqlUpload', () => {
  let http: HttpTestingController;
  let upload: GraphqlUpload;
  const message = { sendMessage: { id: 'm2' } } as unknown as SendMessageMutation;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: UPLOAD_HTTP, useFactory: () => inject(HttpClient) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    upload = TestBed.inject(GraphqlUpload);
  });

  afterEach(() => http.verify());

  it('posts to /graphql with the preflight header and reports progress, then the data', () => {
    const events: UploadEvent<SendMessageMutation>[] = [];
    upload.mutate<SendMessageMutation, ReturnType<typeof variables>>(SendMessageDocument, variables(), [
      { path: 'input.attachments.0', file: A },
    ]).subscribe((e) => events.push(e));

    const req = http.expectOne('/graphql');
    expect(req.request.method).toBe('POST');
    expect(req.request.headers.get('Apollo-Require-Preflight')).toBe('true');
    expect(req.request.reportProgress).toBe(true);
    expect(req.request.body).toBeInstanceOf(FormData);
    req.event({ type: HttpEventType.UploadProgress, loaded: 25, total: 200 });
    req.event({ type: HttpEventType.UploadProgress, loaded: 200, total: 200 });
    req.flush({ data: message });

    expect(events).toEqual([
      { type: 'progress', loaded: 25, total: 200, percent: 13 },
      { type: 'progress', loaded: 200, total: 200, percent: 100 },
      { type: 'done', data: message },
    ]);
  });

  it('throws GraphQL errors so the usual error mapping reads their code and details', () => {
    let error: unknown;
    upload.mutate(SendMessageDocument, variables(), []).subscribe({ error: (e) => (error = e) });
    http.expectOne('/graphql').flush({
      data: null,
      errors: [{ message: 'rejected', extensions: { code: 'FILE_REJECTED', reason: 'TOO_LARGE', fileName: 'groot.pdf' } }],
    });
    const apiError = toApiError(error);
    expect(apiError.code).toBe('FILE_REJECTED');
    expect(apiError.reasons).toEqual(['TOO_LARGE']);
    expect(apiError.fileName).toBe('groot.pdf');
  });

  it('reads GraphQL errors from a 400 answer too (e.g. a refused multipart request)', () => {
    let error: unknown;
    upload.mutate(SendMessageDocument, variables(), []).subscribe({ error: (e) => (error = e) });
    http
      .expectOne('/graphql')
      .flush(
        { errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'body', message: 'TOO_LONG' }] } }] },
        { status: 400, statusText: 'Bad Request' },
      );
    const apiError = toApiError(error);
    expect(apiError.code).toBe('BAD_USER_INPUT');
    expect(apiError.fields).toEqual([{ field: 'body', message: 'TOO_LONG' }]);
  });

  it('maps a gateway failure to the network error', () => {
    let error: unknown;
    upload.mutate(SendMessageDocument, variables(), []).subscribe({ error: (e) => (error = e) });
    http.expectOne('/graphql').flush('Bad gateway', { status: 502, statusText: 'Bad Gateway' });
    expect(toApiError(error).code).toBe('NETWORK_ERROR');
  });
});
