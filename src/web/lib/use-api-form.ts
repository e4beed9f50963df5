import { useForm, type UseFormReturnType } from '@mantine/form';
import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { z } from 'zod';
import { fieldErrorsOf, validateWith, type FieldErrors } from './form-errors.ts';
import { useUnsavedChanges } from './use-leave-warning.ts';

/** A request of the form: a TanStack mutation whose variables are the checked body. */
type Request<Variables, Result> = UseMutationResult<Result, Error, Variables>;

interface Callbacks<Result> {
  onSuccess?: (result: Result) => void;
  onError?: (error: Error) => void;
}

export interface ApiFormOptions<Values extends object, S extends z.ZodType, Result> {
  initialValues: Values;
  /** The request body's schema from src/shared, the one the server applies. */
  schema: S;
  /** The body the schema checks, built from the values (trimmed, parsed numbers, …); by default the values. What is missing is the schema's to say. */
  toBody?: (values: Values) => Partial<z.input<S>>;
  /** Checks the schema cannot make because they depend on the page (already in the person's language). */
  validate?: (values: Values) => FieldErrors;
  /** The field that shows an error of this body path, where the form names it differently (`options` → `optionsText`). */
  fieldOf?: (path: string) => string;
  /** The request a valid submit sends; its refusal's field errors land on the fields. */
  mutation?: Request<z.output<S>, Result>;
  onSuccess?: (result: Result, body: z.output<S>) => void;
  /** For a form that sends nothing itself (a search, filters): what a valid submit does. */
  onValid?: (body: z.output<S>) => void;
  /** Field errors of a refusal when a code belongs next to a field (a wrong current password); by default the server's field errors. */
  errorsOf?: (error: Error) => FieldErrors;
  /** Called when the person edits a field (not when the form resets itself), e.g. to clear a "saved" notice. */
  onEdit?: () => void;
  /** Unsaved changes make leaving the page ask first (LeaveWarning); false while the form cannot be saved (read-only). */
  warnOnLeave?: boolean;
  /**
   * Saves a draft a while after the person stops typing (decision 0019): only
   * while `enabled` (never for what is submitted), only unsaved values that
   * pass the checks, never while another request of the form runs. Its own
   * request (a second mutation on the draft endpoint), so a failure shows in
   * the status line, not on the fields; `onSaved` takes the new version.
   */
  autosave?: { request: Request<z.output<S>, Result>; enabled: boolean; onSaved?: (result: Result) => void; delayMs?: number };
}

/** What the last autosave did, for AutosaveStatus. */
export type AutosaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: Date } | { status: 'failed'; error: Error };

/** A pause in typing after which a draft is saved (decision 0019). */
export const AUTOSAVE_DELAY_MS = 3000;

export interface ApiFormExtras<Values, Body, Result> {
  /** Spread on the <form>: submits on Enter, checks first, and is where focus looks for the first invalid field. */
  formProps: { ref: RefObject<HTMLFormElement | null>; noValidate: true; onSubmit: (event: FormEvent<HTMLFormElement>) => void };
  /** Spread on the submit button: loading (and so disabled) while the request runs. */
  submitProps: { type: 'submit'; loading: boolean };
  /** The form request's last refusal, for a ProblemAlert. */
  requestError: Error | null;
  /** Checks the values now (schema, `validate`, then `more`); shows the messages and returns null when something is wrong. */
  check: (more?: (values: Values) => FieldErrors) => Body | null;
  /** Sends a checked body with the form's request (after a confirmation, say). */
  send: (body: Body, callbacks?: Callbacks<Result>) => void;
  /** Runs another request of this form (submit, after saving); its field errors land on the same fields. */
  run: <Variables, Result>(request: Request<Variables, Result>, variables: Variables, callbacks?: Callbacks<Result>) => void;
  /** Shows these messages on their fields and moves focus to the first. */
  showErrors: (errors: FieldErrors) => void;
  /** The values differ from the last ones loaded or saved (a request of this form succeeding saves them): for LeaveWarning and autosave. */
  dirty: boolean;
  /** The last autosave (idle without the `autosave` option). */
  autosave: AutosaveState;
}

export type ApiForm<Values, Body, Result = unknown> = UseFormReturnType<Values> & ApiFormExtras<Values, Body, Result>;

/**
 * Every form of the web app: Mantine's form state with the shared schema
 * checked before sending, messages in the person's language (never the
 * schema's English), the server's field errors (`body.x.y`) on field `x.y`,
 * focus on the first invalid field after a failed submit, a field's message
 * cleared as soon as it is edited (the request's refusal too, on any edit or
 * a new submit), and the submit button busy meanwhile.
 */
export function useApiForm<Values extends object, S extends z.ZodType, Result = unknown>(options: ApiFormOptions<Values, S, Result>): ApiForm<Values, z.output<S>, Result> {
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: options.initialValues,
    enhanceGetInputProps: ({ inputProps }) => {
      // Mantine merges what this returns into inputProps itself: keep the original handler first.
      const change: (...args: unknown[]) => void = inputProps.onChange;
      return {
        onChange: (...args: unknown[]) => {
          change(...args);
          clearRequestError();
          options.onEdit?.();
        },
      };
    },
  });
  // A refusal of the last request ("wrong email or password") answers the
  // values it was sent: once the person edits them or submits again, it is stale.
  const mutation = options.mutation;
  const clearRequestError = () => {
    if (mutation?.isError) mutation.reset();
  };
  const formRef = useRef<HTMLFormElement>(null);
  const placedRef = useRef<string[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current, placedRef.current);
  }, [focusRequest]);

  const showErrors = (errors: FieldErrors) => {
    const values = form.getValues();
    const placed: Record<string, string> = {};
    for (const [path, message] of Object.entries(errors)) {
      if (message === undefined) continue;
      const field = fieldAt(options.fieldOf?.(path) ?? path, values);
      placed[field] ??= message;
    }
    form.setErrors(placed);
    placedRef.current = Object.keys(placed);
    if (placedRef.current.length > 0) setFocusRequest((n) => n + 1);
  };

  const check = (more?: (values: Values) => FieldErrors): z.output<S> | null => {
    const values = form.getValues();
    const checked = validateWith(options.schema, options.toBody ? options.toBody(values) : values);
    // The page's own checks first: where both speak of one field, theirs is the more precise message.
    const problems: FieldErrors = { ...options.validate?.(values), ...more?.(values) };
    if (!checked.ok) for (const [path, message] of Object.entries(checked.errors)) problems[path] ??= message;
    if (!checked.ok || Object.values(problems).some((message) => message !== undefined)) {
      showErrors(problems);
      return null;
    }
    form.clearErrors();
    return checked.data;
  };

  const run = <Variables, R>(request: Request<Variables, R>, variables: Variables, callbacks?: Callbacks<R>) => {
    const sent = form.getValues();
    request.mutate(variables, {
      onSuccess: (result) => {
        // The values sent are saved; what was typed meanwhile is still unsaved.
        // A callback that sets the values (empties the form) makes those the saved ones.
        const before = form.getValues();
        callbacks?.onSuccess?.(result);
        const after = form.getValues();
        form.resetDirty(after !== before ? after : sent);
      },
      onError: (error) => {
        showErrors(options.errorsOf?.(error) ?? fieldErrorsOf(error));
        callbacks?.onError?.(error);
      },
    });
  };

  const send = (body: z.output<S>, callbacks?: Callbacks<Result>) => {
    if (!options.mutation) return;
    run(options.mutation, body, {
      onSuccess: (result) => {
        options.onSuccess?.(result, body);
        callbacks?.onSuccess?.(result);
      },
      ...(callbacks?.onError ? { onError: callbacks.onError } : {}),
    });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clearRequestError();
    const body = check();
    if (body === null) return;
    if (options.mutation) send(body);
    else options.onValid?.(body);
  };

  const dirty = form.isDirty();
  useUnsavedChanges((options.warnOnLeave ?? false) && dirty);

  // Autosave: each change of the values restarts the wait; the request runs when it ends.
  const [autosave, setAutosave] = useState<AutosaveState>({ status: 'idle' });
  const auto = options.autosave;
  const autoBusy = (auto?.request.isPending ?? false) || (options.mutation?.isPending ?? false);
  const autoOn = auto !== undefined && auto.enabled && dirty && !autoBusy;
  const saveDraftRef = useRef<() => void>(() => undefined);
  saveDraftRef.current = () => {
    if (!auto) return;
    const values = form.getValues();
    const checked = validateWith(options.schema, options.toBody ? options.toBody(values) : values);
    // What would not pass is left for the person's own save, which says why next to the fields.
    if (!checked.ok || Object.values(options.validate?.(values) ?? {}).some((message) => message !== undefined)) return;
    setAutosave({ status: 'saving' });
    auto.request.mutate(checked.data, {
      onSuccess: (result) => {
        form.resetDirty(values);
        auto.onSaved?.(result);
        setAutosave({ status: 'saved', at: new Date() });
      },
      onError: (error) => setAutosave({ status: 'failed', error }),
    });
  };
  const delay = auto?.delayMs ?? AUTOSAVE_DELAY_MS;
  const values = form.values;
  useEffect(() => {
    if (!autoOn) return;
    const timer = setTimeout(() => saveDraftRef.current(), delay);
    return () => clearTimeout(timer);
  }, [autoOn, values, delay]);

  return {
    ...form,
    formProps: { ref: formRef, noValidate: true, onSubmit },
    submitProps: { type: 'submit', loading: options.mutation?.isPending ?? false },
    requestError: options.mutation?.error ?? null,
    check,
    send,
    run,
    showErrors,
    dirty,
    autosave,
  };
}

const isField = (value: unknown) => value === null || typeof value !== 'object' || (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object'));

/**
 * The form field an error path belongs to: the path itself, or the nearest
 * enclosing value that one input edits (`languages.2` → `languages` when the
 * languages are one text field; `sectors.0` → `sectors` for a checkbox group).
 */
function fieldAt(path: string, values: unknown): string {
  const segments = path.split('.');
  let current: unknown = values;
  for (const [index, segment] of segments.entries()) {
    current = typeof current === 'object' && current !== null ? Reflect.get(current, segment) : undefined;
    if (current === undefined) return path;
    if (isField(current)) return segments.slice(0, index + 1).join('.');
  }
  return path;
}

/**
 * Focus lands on the first invalid field in reading order: an input marked
 * aria-invalid, or a group (radios, checkboxes) found by Mantine's data-path.
 */
function focusFirstInvalid(root: HTMLFormElement | null, paths: readonly string[]) {
  if (!root) return;
  const candidates = [
    ...root.querySelectorAll<HTMLElement>('[aria-invalid="true"]'),
    ...paths.flatMap((path) => root.querySelector<HTMLElement>(`[data-path="${path}"]`) ?? []),
  ];
  const first = candidates.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
  if (!first) return;
  const target = first.matches('input, textarea, select, button') ? first : (first.querySelector<HTMLElement>('input:checked') ?? first.querySelector<HTMLElement>('input, textarea, select, button'));
  target?.focus();
}
