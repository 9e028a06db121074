/**
 * What people type into "Search Questions", measured keystroke by keystroke (every prefix of each).
 * A mix of short keyword queries, typos (marked) and pasted interview questions, all drawn from
 * the bank's own vocabulary so they hit real documents in the bundled bank and in the 10k pack.
 */
export const QUERIES: readonly string[] = [
  'idempotent consumer',
  'circuit breakr', // typo
  'prompt injecton', // typo
  'kubernetes cost',
  'zero trust mtls',
  'error budget burn rate',
  'feature flags',
  'event sourcing cqrs',
  'obsevability vendor', // typo
  'supply chain sbom',
  'golden path platform team',
  'how do you review ai generated code for security',
  'should we split the monolith into microservices',
];

/** Every prefix of every query, as typed one character at a time. */
export function keystrokes(queries: readonly string[] = QUERIES): string[] {
  const out: string[] = [];
  for (const q of queries) for (let i = 1; i <= q.length; i++) out.push(q.slice(0, i));
  return out;
}
