import type { Highlighted } from '../../../shared/solution.schemas.ts';

/**
 * Search highlights as React text: the server sends plain segments, never
 * markup, so whatever a solution's text holds is shown, not interpreted.
 */
export function HighlightedText({ segments }: { segments: Highlighted }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.match ? (
          <mark key={i} className="search-match">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
