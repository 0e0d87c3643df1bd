import type { FormInstance } from 'antd';
import { FIELD_MESSAGES, localizeIssue } from '@kehu/contracts';
import type { FieldError, IssueLike, LocalizedText } from '@kehu/contracts';
import type { Locale } from './i18n/locale.ts';

/** Turns a dotted path ("rows.3.phone") into an antd field name. */
function fieldName(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts bilingual field errors (from a Zod check or the server's 400/409) on the form.
 * The user's input stays where it is; only the error text changes. Errors whose field is
 * not on this form are returned so the caller can show them elsewhere.
 */
export function showFieldErrors(form: FormInstance, errors: readonly FieldError[], locale: Locale, known: readonly string[]): LocalizedText[] {
  const byField = new Map<string, string[]>();
  const orphans: LocalizedText[] = [];
  for (const e of errors) {
    const top = e.path.split('.')[0] ?? '';
    if (!known.includes(top)) {
      orphans.push(e.message);
      continue;
    }
    const list = byField.get(e.path) ?? [];
    // One rule may fail several ways with the same text (the password checks); say it once.
    if (!list.includes(e.message[locale])) list.push(e.message[locale]);
    byField.set(e.path, list);
  }
  form.setFields([...byField].map(([path, errs]) => ({ name: fieldName(path), errors: errs })));
  return orphans;
}

/** Runs a shared contract schema over form values; field errors are bilingual. */
export interface SchemaLike<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

export function checkWithSchema<T>(schema: SchemaLike<T>, values: unknown): { ok: true; data: T } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const given = (values ?? {}) as Record<string, unknown>;
  return {
    ok: false,
    errors: result.error.issues.map((i) => {
      const e = localizeIssue(i as IssueLike);
      // An empty choice is "required", not "invalid value: a, b, c" (Zod 4 reports a missing
      // enum as invalid_value, which localizeIssue lists as allowed values).
      const top = e.path.split('.')[0] ?? '';
      const v = given[top];
      const empty = v === undefined || v === null || v === '';
      return empty && e.code !== 'required' && !(e.code in FIELD_MESSAGES) ? { path: e.path, code: 'required', message: FIELD_MESSAGES.required } : e;
    }),
  };
}

/** Clears every error on the form before a new check. */
export function clearFieldErrors(form: FormInstance, names: readonly string[]): void {
  form.setFields(names.map((name) => ({ name, errors: [] })));
}
