import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers.js';

/** The request-body operations the bot uses, as [method, OpenAPI path]. */
export type Operation =
  | 'interactionCallback'
  | 'webhookEdit'
  | 'webhookFollowUp'
  | 'channelMessage'
  | 'globalCommands'
  | 'guildCommands';

const OPERATIONS: Record<Operation, [string, string]> = {
  interactionCallback: ['post', '/interactions/{interaction_id}/{interaction_token}/callback'],
  webhookEdit: ['patch', '/webhooks/{webhook_id}/{webhook_token}/messages/@original'],
  webhookFollowUp: ['post', '/webhooks/{webhook_id}/{webhook_token}'],
  channelMessage: ['post', '/channels/{channel_id}/messages'],
  globalCommands: ['put', '/applications/{application_id}/commands'],
  guildCommands: ['put', '/applications/{application_id}/guilds/{guild_id}/commands'],
};

const SPEC_ID = 'discord-openapi.json';
const ajv = new Ajv2020.default({ strict: false, allErrors: false, validateFormats: false });
ajv.addSchema(
  {
    ...JSON.parse(readFileSync(`${ROOT}tests/fixtures/discord-api-spec/openapi.json`, 'utf8')),
    $id: SPEC_ID,
  },
  SPEC_ID,
);

const pointer = (path: string[]): string =>
  path.map((part) => encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/**
 * Validate a request body against Discord's own OpenAPI schema for an operation: a JSON body, or a
 * multipart one as the message of its `payload_json` with each `files[n]` part beside it.
 *
 * @param contentType `application/json`, or `multipart/form-data` for a body with files (its
 *   `payload_json` fields beside each `files[n]` part, as text).
 * @returns Ajv's error messages; empty when valid.
 */
export function validateRequest(
  operation: Operation,
  body: unknown,
  contentType: 'application/json' | 'multipart/form-data' = 'application/json',
): string[] {
  let validate = validators.get(`${operation} ${contentType}`);
  if (validate === undefined) {
    const [method, path] = OPERATIONS[operation];
    const ref = `${SPEC_ID}#/${pointer(['paths', path, method, 'requestBody', 'content', contentType, 'schema'])}`;
    validate = ajv.compile({ $ref: ref });
    validators.set(`${operation} ${contentType}`, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
  );
}

/** The operation a recorded request is, from its method and path (after `/api/v10`). */
export function operationOf(method: string, path: string): Operation | null {
  if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return 'interactionCallback';
  if (method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/(@original|%40original)$/.test(path)) {
    return 'webhookEdit';
  }
  if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return 'webhookFollowUp';
  if (method === 'POST' && /^\/channels\/\d+\/messages$/.test(path)) return 'channelMessage';
  if (method === 'PUT' && /^\/applications\/\d+\/commands$/.test(path)) return 'globalCommands';
  if (method === 'PUT' && /^\/applications\/\d+\/guilds\/\d+\/commands$/.test(path)) return 'guildCommands';
  return null;
}
