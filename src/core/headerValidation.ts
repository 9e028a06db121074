import type * as z from 'zod';
import { ContentParseError } from './contentError';
import type { Header } from './frontmatter';

/** Validates a parsed header with zod, reporting the first problem at the line of the key it concerns. */
export function validateHeader<S extends z.ZodType>(schema: S, header: Header): z.infer<S> {
  const result = schema.safeParse(header.values);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ContentParseError(1, 'invalid header');
  const key = issue.path[0];
  if (issue.code === 'unrecognized_keys') {
    const unknown = issue.keys[0] ?? '';
    throw new ContentParseError(header.lines[unknown] ?? 1, `unknown header key "${unknown}"`);
  }
  if (typeof key === 'string') {
    const line = header.lines[key] ?? 1;
    const missing = !(key in header.values);
    throw new ContentParseError(line, missing ? `missing header key "${key}"` : `header "${key}": ${issue.message}`);
  }
  throw new ContentParseError(1, issue.message);
}
