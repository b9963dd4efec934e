/** openapi.json, generated from the same zod schemas that validate requests. */
import { z } from 'zod';
import { ERROR_CODES } from '../domain/errors.js';
import { submitTaskSchema } from '../services/submit-task.schema.js';
import { signedUrlSchema } from './routes/assets/signed-upload.js';
import { listTasksQuerySchema } from './routes/tasks/read.js';
import { renameCharacterSchema } from './routes/tasks/rename-character.js';
import { putWebhookSchema } from './routes/webhooks.js';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' });

const envelope = {
  type: 'object',
  required: ['code', 'msg', 'data', 'success', 'failed'],
  properties: {
    code: { type: 'integer' },
    msg: { type: 'string' },
    data: { nullable: true },
    success: { type: 'boolean' },
    failed: { type: 'boolean' },
  },
};

const resp = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Envelope' } } },
});
const std = {
  '200': resp('success'),
  '400': resp('invalid request'),
  '401': resp('unauthorized'),
  '404': resp('not found'),
};
const body = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: json(schema) } },
});
const idParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

export function buildOpenApi(prefix: string, version: string) {
  const listQuery = json(listTasksQuerySchema) as { properties?: Record<string, unknown> };
  return {
    openapi: '3.0.3',
    info: {
      title: 'reelscript API',
      version,
      description: 'Screenplay extraction, wire-compatible with the upstream v2 API.',
    },
    servers: [{ url: prefix }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'Authorization' } },
      schemas: { Envelope: envelope, ErrorCode: { type: 'string', enum: [...ERROR_CODES] } },
    },
    paths: {
      '/upload': {
        post: {
          summary: 'Upload a file (multipart part "file")',
          requestBody: {
            content: {
              'multipart/form-data': {
                schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
              },
            },
          },
          responses: { ...std, '413': resp('too large'), '415': resp('not readable media') },
        },
      },
      '/upload/signed-url': {
        post: { summary: 'Get a signed upload URL', requestBody: body(signedUrlSchema), responses: std },
      },
      '/{asset_id}/metadata': {
        get: { summary: 'Asset metadata', parameters: [idParam('asset_id')], responses: std },
      },
      '/{asset_id}/download': {
        get: { summary: 'Download an asset', parameters: [idParam('asset_id')], responses: std },
      },
      '/{asset_id}': {
        delete: { summary: 'Delete an asset', parameters: [idParam('asset_id')], responses: std },
      },
      '/screenplay/tasks': {
        post: {
          summary: 'Submit a screenplay task',
          requestBody: body(submitTaskSchema),
          responses: { ...std, '402': resp('insufficient balance'), '409': resp('idempotency conflict') },
        },
        get: {
          summary: 'List tasks',
          parameters: Object.entries(listQuery.properties ?? {}).map(([name, schema]) => ({
            name,
            in: 'query',
            required: false,
            schema,
          })),
          responses: std,
        },
      },
      '/screenplay/tasks/{task_id}': {
        get: { summary: 'Task status', parameters: [idParam('task_id')], responses: std },
        delete: {
          summary: 'Cancel a task',
          parameters: [idParam('task_id')],
          responses: { ...std, '409': resp('not cancellable') },
        },
      },
      '/screenplay/tasks/{task_id}/download': {
        get: {
          summary: 'Download the result zip',
          parameters: [idParam('task_id')],
          responses: {
            '200': { description: 'zip', content: { 'application/zip': {} } },
            '402': resp('insufficient balance'),
            '409': resp('not completed'),
          },
        },
      },
      '/screenplay/tasks/{task_id}/files/{path}': {
        get: {
          summary: 'One output file',
          parameters: [idParam('task_id'), idParam('path')],
          responses: std,
        },
      },
      '/screenplay/tasks/{task_id}/events': {
        get: {
          summary: 'Server-Sent Events with task progress',
          parameters: [idParam('task_id')],
          responses: { '200': { description: 'event stream', content: { 'text/event-stream': {} } } },
        },
      },
      '/screenplay/tasks/{task_id}/characters/{character_id}': {
        patch: {
          summary: 'Rename a character; every export is regenerated',
          parameters: [idParam('task_id'), idParam('character_id')],
          requestBody: body(renameCharacterSchema),
          responses: std,
        },
      },
      '/account': { get: { summary: 'Balance and ledger', responses: std } },
      '/webhooks': {
        get: { summary: 'The webhook URL of the account', responses: std },
        put: {
          summary: 'Set the webhook URL and signing secret',
          requestBody: body(putWebhookSchema),
          responses: std,
        },
      },
      '/webhooks/deliveries': { get: { summary: 'Webhook deliveries with every attempt', responses: std } },
    },
  };
}
