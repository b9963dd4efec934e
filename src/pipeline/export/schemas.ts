/**
 * Validation of output documents against the JSON Schemas committed in `schemas/` (the contract
 * external users get). ajv is a development dependency, so only tests and tools import this file.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export const DOCUMENT_KINDS = ['storyboard', 'transcript', 'namelist', 'manifest'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Folder of the schema files: the repository's `schemas/`, from both src/ and dist/ layouts. */
const SCHEMA_DIR = new URL('../../../schemas/', import.meta.url);

/** The parsed schema for a kind, e.g. to publish it next to the API docs. */
export function documentSchema(kind: DocumentKind): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${kind}.schema.json`, SCHEMA_DIR), 'utf8')) as Record<
    string,
    unknown
  >;
}

let ajv: Ajv2020 | null = null;
const compiled = new Map<DocumentKind, ValidateFunction>();

function validatorFor(kind: DocumentKind): ValidateFunction {
  let fn = compiled.get(kind);
  if (!fn) {
    // Union types ("string" | "null") are how the documents spell optional values.
    ajv ??= new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    fn = ajv.compile(documentSchema(kind));
    compiled.set(kind, fn);
  }
  return fn;
}

/** Checks a document against its schema; errors read "/shots/0/start must be >= 0". */
export function validateDocument(kind: DocumentKind, value: unknown): { valid: boolean; errors: string[] } {
  const fn = validatorFor(kind);
  if (fn(value)) return { valid: true, errors: [] };
  const errors = (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  return { valid: false, errors };
}
