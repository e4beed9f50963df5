/**
 * A wide table's horizontal scroller that keyboard users can scroll too
 * (WCAG 2.1.1; axe "scrollable-region-focusable"): a named, focusable region.
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </div>
  );
}
