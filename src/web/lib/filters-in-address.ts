import { useSearchParams } from 'react-router';

/**
 * A list page's filters and page number kept in the address, so a filtered
 * list can be bookmarked, shared and reloaded. `update` sets or clears
 * filters (an empty value clears one); changing a filter goes back to page 1;
 * `clear` removes every filter. With `replace`, a change replaces the
 * history entry instead of adding one (a search typed letter by letter).
 */
export function useFiltersInAddress({ replace = false }: { replace?: boolean } = {}) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace },
    );
  const clear = () => setParams(new URLSearchParams(), { replace });
  return { params, page, update, clear };
}
