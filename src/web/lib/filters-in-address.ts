import { useSearchParams } from 'react-router';

/**
 * A list page's filters and page number kept in the address, so a filtered
 * list can be bookmarked, shared and reloaded. `update` sets or clears
 * filters (an empty value clears one); changing a filter goes back to page 1;
 * `clear` removes every filter.
 */
export function useFiltersInAddress() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const clear = () => setParams(new URLSearchParams());
  return { params, page, update, clear };
}
