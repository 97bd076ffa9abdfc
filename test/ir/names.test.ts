import { describe, expect, it } from 'vitest';
import { camelCase, kebabCase, NameRegistry, pascalCase, safeIdentifier, singular } from '../../generator/ir/names.js';

describe('names', () => {
  it.each([
    ['cloudforce_one', 'cloudforceOne', 'CloudforceOne', 'cloudforce-one'],
    ['request_id', 'requestId', 'RequestId', 'request-id'],
    ['livestream-session-id', 'livestreamSessionId', 'LivestreamSessionId', 'livestream-session-id'],
    ['2fa.settings', '_2faSettings', '_2faSettings', '2fa-settings'],
    ['HTTPServer', 'httpServer', 'HTTPServer', 'http-server'],
  ])('%s -> %s / %s / %s', (input, camel, pascal, kebab) => {
    expect(camelCase(input)).toBe(camel);
    expect(pascalCase(input)).toBe(pascal);
    expect(kebabCase(input)).toBe(kebab);
  });

  it.each([
    ['requests', 'request'],
    ['priorities', 'priority'],
    ['message', 'message'],
    ['addresses', 'address'],
    ['status', 'status'],
    // An acronym ending in S is not a plural; a plural acronym is.
    ['totalTLS', 'totalTLS'],
    ['DNS', 'DNS'],
    ['IPs', 'IP'],
  ])('singular(%s) = %s', (plural, one) => expect(singular(plural)).toBe(one));

  it('keeps reserved words out of identifiers', () => {
    expect(safeIdentifier('delete')).toBe('delete_');
    expect(safeIdentifier('requestId')).toBe('requestId');
  });

  it('hands out each name once, qualifying clashes with their parents, then numbering', () => {
    const names = new NameRegistry(['Client']);
    expect(names.claim('Client')).toBe('Client2');
    expect(names.claim('Message')).toBe('Message');
    expect(names.claim('Message', ['Requests'])).toBe('RequestsMessage');
    expect(names.claim('Message', ['Requests'])).toBe('RequestsMessage2');
  });
});
