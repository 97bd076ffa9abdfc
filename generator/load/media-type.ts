/**
 * Whether a `content` key is a media type or range (`type/subtype`, `text/*`, `*\/*`, parameters
 * allowed), by RFC 6838's name characters. Real specs hold keys such as `string` or `undefined`:
 * sent as an Accept header they make servers (and Prism) fail.
 */
const NAME = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*";
const MEDIA_TYPE = new RegExp(`^(\\*/\\*|${NAME}/(\\*|${NAME}))\\s*(;.*)?$`);

export function isMediaType(key: string): boolean {
  return MEDIA_TYPE.test(key.trim());
}
