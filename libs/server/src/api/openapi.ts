import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/session.types';
import { OPERATION_RESPONSES, RESPONSE_DEFINITIONS } from './response-schemas.generated';

type Schema = Record<string, unknown>;
type Operation = { operationId?: string; parameters?: Array<{ in: string }>; requestBody?: unknown; security?: unknown[]; responses: Record<string, unknown> };

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const ERROR = { $ref: '#/components/schemas/ApiError' };

/** The one error shape every failure has (see the exception filter). */
const API_ERROR: Schema = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  additionalProperties: false,
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { type: 'string' },
    fields: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, description: 'Messages per field (dotted paths for nested fields)' },
    code: { type: 'string', description: 'The broken rule, for clients that word it themselves' },
    params: { type: 'object', additionalProperties: true },
  },
};

const FILES: Record<string, string[]> = {
  ApplicantsController_document: ['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  CheckinsController_receipt: ['application/pdf'],
  MarketingController_optOutPage: ['text/html'],
  MarketingController_optOut: ['text/html'],
  QuotesController_pdf: ['application/pdf'],
  RetentionController_certificateJson: ['application/json'],
  RetentionController_certificatePdf: ['application/pdf'],
  RetentionController_reportCsv: ['text/csv'],
  RetentionController_reportPdf: ['application/pdf'],
  RightsController_export: ['application/json'],
  RightsController_exportPdf: ['application/pdf'],
  TransparencyController_recordCsv: ['text/csv'],
  TransparencyController_recordPdf: ['application/pdf'],
};

const RATE_LIMITED = new Set(['AuthController_login', 'InquiriesController_receive', 'ApplicantsController_apply']);

/**
 * JSON Schema (draft 7, as generated from the view types) into OpenAPI 3.0's dialect: `null` in a
 * type list or an `anyOf` becomes `nullable`, `const` an enum of one, references point at components.
 */
export function toOpenApiSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toOpenApiSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const source = schema as Schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '$ref') result[key] = String(value).replace('#/definitions/', '#/components/schemas/');
    else if (key === 'const') result['enum'] = [value];
    else if (key === 'properties' || key === 'definitions') result[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, inner]) => [name, toOpenApiSchema(inner)]));
    else result[key] = toOpenApiSchema(value);
  }
  if (Array.isArray(result['type'])) {
    const types = (result['type'] as string[]).filter((type) => type !== 'null');
    if (types.length < (result['type'] as string[]).length) result['nullable'] = true;
    if (types.length === 1) result['type'] = types[0];
    else {
      delete result['type'];
      result['anyOf'] = types.map((type) => ({ type }));
    }
  }
  if (Array.isArray(result['anyOf'])) {
    const options = result['anyOf'] as Schema[];
    const others = options.filter((option) => option['type'] !== 'null');
    if (others.length < options.length) {
      delete result['anyOf'];
      result['nullable'] = true;
      if (others.length === 1 && others[0]['$ref']) result['allOf'] = others;
      else if (others.length === 1) Object.assign(result, others[0]);
      else result['anyOf'] = others;
    }
  }
  if (Array.isArray(result['enum']) && (result['enum'] as unknown[]).includes(null)) {
    result['enum'] = (result['enum'] as unknown[]).filter((value) => value !== null);
    result['nullable'] = true;
  }
  return result;
}

/** The answers of one route: its success as its controller declares it, and the failures it can give. */
function describeAnswers(path: string, method: string, operation: Operation): void {
  const id = operation.operationId ?? '';
  const answer = OPERATION_RESPONSES[id];
  if (!answer) throw new Error(`No response schema for ${id}: run npm run openapi:responses`);
  const success = Object.keys(operation.responses).find((status) => status.startsWith('2')) ?? (method === 'post' ? '201' : '200');
  const description = (operation.responses[success] as { description?: string } | undefined)?.description || 'Done';
  const types = FILES[id];
  if (answer.file && !types) throw new Error(`${id} writes a file: name its content types in openapi.ts`);
  if (answer.empty) operation.responses[success] = { description };
  else if (types) {
    // A JSON download (an export, a certificate) is a document of its own, described where it is produced.
    const schemaOf = (type: string) => (type === 'application/json' ? { type: 'object' } : { type: 'string', format: 'binary' });
    operation.responses[success] = { description, content: Object.fromEntries(types.map((type) => [type, { schema: schemaOf(type) }])) };
  } else {
    operation.responses[success] = { description, content: { 'application/json': { schema: toOpenApiSchema(answer.schema) } } };
  }

  const failure = (text: string) => ({ description: text, content: { 'application/json': { schema: ERROR } } });
  if (method === 'post' && !path.startsWith('/api/auth/')) {
    (operation.parameters ??= []).push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Sent again with the same request within the hour, the first answer is repeated and nothing happens twice',
      schema: { type: 'string', minLength: 8, maxLength: 200 },
    } as never);
  }
  const mutating = method !== 'get';
  const signedIn = Boolean(operation.security?.length);
  operation.responses['400'] = failure('Invalid input: the message and `fields` say what and where');
  if (signedIn) operation.responses['401'] = failure('Not signed in, or the session has ended');
  if (id === 'AuthController_login') operation.responses['401'] = failure('Wrong e-mail or password, or the account is inactive');
  if (signedIn || (mutating && !path.startsWith('/api/public/'))) operation.responses['403'] = failure('The role may not do this, or the CSRF token is missing');
  if (path.includes('{')) operation.responses['404'] = failure('No such record, or not one the caller may see');
  if (mutating) operation.responses['409'] = failure('The change conflicts with the record’s state, another record, or a newer version of it (code `stale_version`: load it again)');
  if (operation.requestBody) {
    operation.responses['413'] = failure('The body is larger than the API takes');
    operation.responses['415'] = failure('The body is not of a type the route takes');
  }
  if (RATE_LIMITED.has(id)) operation.responses['429'] = failure('Too many attempts from this address; wait a minute');
  operation.responses['503'] = failure('The database is not answering (a restart or failover); try again after Retry-After seconds');
  if (id === 'HealthController_check') operation.responses['503'] = { description: 'A dependency is down', content: { 'application/json': { schema: toOpenApiSchema(answer.schema) } } };
}

/** The API document: routes and inputs from Nest's decorators, answers from the view types, errors from the filter. */
export function createApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Privdesk API').setDescription('Helpdesk CRM with privacy by construction').setVersion('1').addCookieAuth(SESSION_COOKIE).build(),
  );
  const schemas = (document.components ??= {}).schemas ??= {};
  for (const [name, definition] of Object.entries(RESPONSE_DEFINITIONS)) {
    if (schemas[name]) throw new Error(`The API document has two schemas called ${name}`);
    schemas[name] = toOpenApiSchema(definition) as object;
  }
  schemas['ApiError'] = API_ERROR;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (operation) describeAnswers(path, method, operation);
    }
  }
  return document;
}
