import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldErrors } from './form-errors.ts';

/**
 * Field error state for a form: set them after a failed check or request,
 * a field's message clears as soon as it is edited, and focus moves to the
 * first invalid field so keyboard and screen-reader users land on it.
 */
export function useFieldErrors() {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrorsState] = useState<FieldErrors>({});
  const [focusRequest, setFocusRequest] = useState(0);

  const setErrors = useCallback((next: FieldErrors) => {
    setErrorsState(next);
    if (Object.keys(next).length > 0) setFocusRequest((n) => n + 1);
  }, []);

  const clearError = useCallback((field: string) => {
    setErrorsState((current) => (current[field] === undefined ? current : { ...current, [field]: undefined }));
  }, []);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  return { formRef, errors, setErrors, clearError };
}
