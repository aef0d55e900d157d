// Validates exported documents against the shipped JSON Schema.
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'annotations.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Throws with the schema errors when the document does not match. */
export function assertValidDocument(doc: unknown): void {
  if (!validate(doc)) throw new Error('schema: ' + JSON.stringify(validate.errors, null, 1));
}
