import { useEffect, useId, useSyncExternalStore } from 'react';
import { useBlocker } from 'react-router';

// The forms of the page that hold unsaved changes. A router honours one
// blocker at a time, so forms only report here and one LeaveWarning (in the
// layout) asks for all of them.
const unsaved = new Set<string>();
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const anyUnsaved = () => unsaved.size > 0;

/** A form reports whether it holds unsaved changes (useApiForm does it for forms with `warnOnLeave`). */
export function useUnsavedChanges(dirty: boolean) {
  const id = useId();
  useEffect(() => {
    if (!dirty) return;
    unsaved.add(id);
    changed();
    return () => {
      unsaved.delete(id);
      changed();
    };
  }, [id, dirty]);
}

export interface LeaveWarning {
  /** A link of the app was followed while changes are unsaved: ask before going. */
  asking: boolean;
  /** Keep the page and its changes. */
  stay: () => void;
  /** Go where the link pointed; the changes are lost. */
  leave: () => void;
}

/**
 * Guards unsaved changes: while a form reports some, following a link of the
 * app to another page is held until the person answers (`asking`), and
 * closing or reloading the tab makes the browser ask too (beforeunload;
 * browsers show their own words). Moving within the page (its search or
 * hash) is not leaving. Needs the data router (createBrowserRouter).
 */
export function useLeaveWarning(): LeaveWarning {
  const dirty = useSyncExternalStore(subscribe, anyUnsaved, anyUnsaved);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium asks only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  // Saved meanwhile (an autosave while the question is open): nothing is lost by going.
  useEffect(() => {
    if (blocker.state === 'blocked' && !dirty) blocker.proceed();
  }, [blocker, dirty]);

  return {
    asking: blocker.state === 'blocked',
    stay: () => blocker.reset?.(),
    leave: () => blocker.proceed?.(),
  };
}
