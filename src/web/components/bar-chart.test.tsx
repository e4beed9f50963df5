import { describe, expect, it } from 'vitest';
import { renderPage } from '../test-support/render.tsx';
import { sortByDisplayedName, displayName } from '../lib/format.ts';
import { BarChart } from './bar-chart.tsx';

// The drawing's text cannot be measured in happy-dom: hold every label and
// value to a generous average character width (0.62 em, wider than system-ui's).
const EM = 0.62;

function textsOutside(svg: SVGSVGElement): string[] {
  const width = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
  return [...svg.querySelectorAll('text')].flatMap((text) => {
    const x = Number(text.getAttribute('x'));
    const span = (text.textContent ?? '').length * Number(text.getAttribute('font-size')) * EM;
    const [from, to] = text.getAttribute('text-anchor') === 'end' ? [x - span, x] : [x, x + span];
    return from < 0 || to > width ? [`${text.textContent} (${from.toFixed(0)}–${to.toFixed(0)} of 0–${width})`] : [];
  });
}

describe('BarChart', () => {
  it('draws every label whole and inside the drawing, even long ones, with the largest value', () => {
    const bars = [
      { label: 'Carbon-free district heating with data-centre waste heat', value: 12_345 },
      { label: 'Bosnia and Herzegovina', value: 3 },
      { label: 'Energy', value: 0 },
    ];
    const { container } = renderPage(
      <BarChart title="Chart" bars={bars} format={(v) => `${v.toLocaleString('en-GB')} kg CO2e`} labelHeading="What" valueHeading="How much" emptyText="None" />,
    );
    const svg = container.querySelector('svg');
    if (!svg) throw new Error('no chart');
    expect(textsOutside(svg)).toEqual([]);
    const drawn = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    for (const bar of bars) expect(drawn).toContain(bar.label);
  });
});

describe('sortByDisplayedName', () => {
  it('orders countries by the name shown in the interface language, not by code', () => {
    const rows = ['AT', 'DE', 'ES', 'FI', 'NL'].map((name) => ({ name }));
    const inEnglish = sortByDisplayedName(rows, (r) => displayName(r.name, 'region', 'en'), 'en').map((r) => r.name);
    expect(inEnglish).toEqual(['AT', 'FI', 'DE', 'NL', 'ES']);
    const inFrench = sortByDisplayedName(rows, (r) => displayName(r.name, 'region', 'fr'), 'fr').map((r) => r.name);
    expect(inFrench).toEqual(['DE', 'AT', 'ES', 'FI', 'NL']);
  });
});
