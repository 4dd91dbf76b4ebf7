// The core's input problems shown at their fields: its paths are the form's field names.
import type { FormInstance } from 'antd';
import type { FieldError } from '@shared/errors';
import { fieldErrors } from '../api/client';

/** Marks each field the core objected to; returns the problems (none for other errors). */
export function placeFieldErrors(form: FormInstance, e: unknown): FieldError[] {
  const fields = fieldErrors(e);
  form.setFields(fields.map((f) => ({ name: f.path, errors: [f.message] })));
  return fields;
}
