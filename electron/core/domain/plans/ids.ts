// Short random ids for plans and sections: stable once given, never derived from content.
import { randomBytes } from 'node:crypto';

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url').replace(/[^A-Za-z0-9]/g, 'x')}`;
}
