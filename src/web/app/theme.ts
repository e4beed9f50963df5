import { NumberInput, createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's defaults put several colours under WCAG AA's 4.5:1 on white
 * (blue-6 buttons with white text 3.6:1, dimmed gray-6 3.3:1, error red-6
 * 3.3:1, placeholder gray-5). These shades pass, checked by the axe runs in
 * tests/e2e; change them only with those tests green.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  // blue-8 #1971c2: 5.0:1 against white, also as link colour on light backgrounds.
  primaryShade: 8,
  colors: {
    // Mantine's green with darker 8 and 9: its green-9 (#2b8a3e) is 4.4:1 on
    // white and 3.8:1 on the light green of success alerts; #1e6b30 is 6.6:1 and 5.7:1.
    green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#40c057', '#2f9e44', '#237032', '#1e6b30'],
  },
  autoContrast: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  defaultRadius: 'sm',
  // Keyboard focus must stay visible (WCAG 2.4.7), never only on hover.
  focusRing: 'auto',
  // People who asked their system for less motion get no transitions.
  respectReducedMotion: true,
  components: {
    // A number out of range stays as typed and the form says why (issue 17):
    // Mantine's default clamps it on blur, so 1999 silently became 2020.
    NumberInput: NumberInput.extend({ defaultProps: { clampBehavior: 'none' } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057', // 8.2:1
    '--mantine-color-placeholder': '#6c757d', // 4.7:1
    '--mantine-color-error': t.colors.red[9] ?? '#c92a2a', // 5.5:1
    '--mantine-color-anchor': t.colors.blue[8] ?? '#1971c2', // 5.0:1
  },
  dark: {},
});
