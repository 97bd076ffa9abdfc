/**
 * What an SDK author writes on top of the generated package: a small, typed wrapper that imports it
 * by its package name, as any dependent would.
 */
import Cloudflare, { APIError, type Message, type MessageCreateParams } from 'cloudflare-cloudforce-one';

export interface PostedMessage {
  readonly id: number;
  readonly author: string;
  readonly text: string;
}

/** Adds `text` to a Cloudforce One request's conversation and returns what the API stored. */
export async function postMessage(client: Cloudflare, accountId: string, requestId: string, text: string): Promise<PostedMessage> {
  const params: MessageCreateParams = { account_id: accountId, content: text };
  const message: Message = await client.cloudforceOne.requests.message.create(requestId, params);
  return { id: message.id, author: message.author, text: message.content };
}

/** Like postMessage, but an API error becomes a value (its status and the envelope's error messages). */
export async function tryPostMessage(
  client: Cloudflare,
  accountId: string,
  requestId: string,
  text: string,
): Promise<{ ok: true; message: PostedMessage } | { ok: false; status: number | undefined; messages: string[] }> {
  try {
    return { ok: true, message: await postMessage(client, accountId, requestId, text) };
  } catch (e) {
    if (!(e instanceof APIError)) throw e;
    const messages = e.errors.map((x) => (typeof x === 'object' && x !== null && 'message' in x ? String(x.message) : String(x)));
    return { ok: false, status: e.status, messages };
  }
}

export function makeClient(baseURL: string): Cloudflare {
  return new Cloudflare({ apiEmail: 'user@example.com', apiKey: 'downstream-key', baseURL, maxRetries: 0 });
}
